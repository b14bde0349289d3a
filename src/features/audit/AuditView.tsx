import { FINDING_KINDS, type FindingKind } from '../../core/audit/index.ts';
import { useAudit, type AuditView as View } from '../../state/audit.ts';
import { AuditSummary } from './AuditSummary.tsx';
import { CrossTabSection } from './CrossTabSection.tsx';
import { ExactDuplicatesSection } from './ExactDuplicatesSection.tsx';
import { MissingSection, UnreadableSection } from './FileSections.tsx';
import { LeakageSection } from './LeakageSection.tsx';
import { NearDuplicatesSection } from './NearDuplicatesSection.tsx';
import { ShownContext, useShownRegistry } from './shown.ts';
import { UnlistedSection } from './UnlistedSection.tsx';
import { UnusualSizesSection } from './UnusualSizesSection.tsx';
import './audit.css';

/**
 * The Audit tab: every finding over the open folder under its heading, in FINDING_KINDS order,
 * then the cross-tab. Findings appear as hashes arrive: nothing waits for the pass to end.
 */
export default function AuditView() {
  const view = useAudit();
  const shown = useShownRegistry();
  if (view === null) return null;
  return (
    <ShownContext value={shown}>
      <div className="audit">
        <AuditSummary view={view} />
        {FINDING_KINDS.map((kind) => (
          <Finding key={kind} kind={kind} view={view} />
        ))}
        <CrossTabSection />
      </div>
    </ShownContext>
  );
}

function Finding({ kind, view }: { readonly kind: FindingKind; readonly view: View }) {
  const { audit } = view;
  switch (kind) {
    case 'missing':
      return <MissingSection missing={audit.missing} />;
    case 'unlisted':
      return <UnlistedSection unlisted={audit.unlisted} />;
    case 'unreadable':
      return <UnreadableSection unreadable={audit.unreadable} />;
    case 'leakage':
      return <LeakageSection leakage={audit.leakage} />;
    case 'exact-duplicate':
      return <ExactDuplicatesSection groups={audit.exactDuplicates} progress={view} />;
    case 'near-duplicate':
      return (
        <NearDuplicatesSection near={audit.nearDuplicates} bits={view.nearBits} progress={view} />
      );
    case 'unusual-size':
      return <UnusualSizesSection sizes={audit.unusualSizes} />;
  }
}
