import { FINDING_HEADING, FINDING_KINDS, findingCount } from '../../core/audit/index.ts';
import { formatCount } from '../../core/format.ts';
import type { AuditView } from '../../state/audit.ts';
import { countOf } from './names.ts';

/** The tab's header line: how far hashing is while it runs, then how many findings. */
export function AuditSummary({ view }: { readonly view: AuditView }) {
  const { audit, hashed, images, hashing } = view;
  if (hashing) {
    return (
      <div className="audit__head">
        <h2 className="audit__title">Audit</h2>
        <p className="audit__summary">
          Hashing images: {formatCount(hashed)} of {formatCount(images)}
        </p>
        <progress
          className="audit__progress"
          max={images}
          value={hashed}
          aria-label="Hashing images"
        />
      </div>
    );
  }
  const found = FINDING_KINDS.map((kind) => ({ kind, count: findingCount(audit, kind) })).filter(
    (entry) => entry.count > 0,
  );
  const total = found.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <div className="audit__head">
      <h2 className="audit__title">Audit</h2>
      <p className="audit__summary">
        {total === 0
          ? 'No findings: nothing to report under any heading.'
          : `${countOf(total, 'finding')}: ${found
              .map((entry) => `${FINDING_HEADING[entry.kind]} ${formatCount(entry.count)}`)
              .join(' · ')}`}
      </p>
      {hashed < images && (
        <p className="audit__note">
          Hashing stopped at {formatCount(hashed)} of {formatCount(images)} images: the duplicates
          are partial.
        </p>
      )}
    </div>
  );
}
