import { formatCount } from '../../core/format.ts';
import { saveBlob } from '../../io/save.ts';
import type { OpenData } from '../../state/app.ts';
import { useAudit } from '../../state/audit.ts';
import { auditReportExports } from '../../state/export.ts';
import { ExportAction, ExportSection } from './ExportSection.tsx';
import { SavingLine } from './SavingLine.tsx';
import { useSaving } from './useSaving.ts';

const TYPE = { markdown: 'text/markdown;charset=utf-8', json: 'application/json' } as const;

/** The audit of the whole folder as a report: Markdown to read, JSON to process. */
export function AuditReportSection({ data }: { readonly data: OpenData }) {
  const view = useAudit();
  const saving = useSaving();
  if (view === null) return null;
  const busy = saving.state.kind === 'running';

  const save = (format: keyof typeof TYPE) =>
    saving.run(format === 'markdown' ? 'The Markdown report' : 'The JSON report', () => {
      const file = auditReportExports(data, view.audit, view)[format];
      return saveBlob(file.path, new Blob([file.text], { type: TYPE[format] }));
    });

  return (
    <ExportSection title="Audit report">
      <p className="export-section__note">
        Every finding of the Audit tab over the whole folder, whatever the filters show; the same
        folder gives the same report.
        {view.hashing &&
          ` Duplicates are still being looked for (${formatCount(view.hashed)} of ` +
            `${formatCount(view.images)} images read): a report saved now says so and lists ` +
            'only those found so far.'}
      </p>
      <ul className="export-actions">
        <ExportAction
          label="Save audit report (Markdown)"
          disabled={busy}
          onClick={() => void save('markdown')}
        >
          To read, or to paste into an issue or a paper
        </ExportAction>
        <ExportAction
          label="Save audit report (JSON)"
          disabled={busy}
          onClick={() => void save('json')}
        >
          The same findings by file path, for a script to act on
        </ExportAction>
      </ul>
      <SavingLine state={saving.state} onCancel={saving.cancel} />
    </ExportSection>
  );
}
