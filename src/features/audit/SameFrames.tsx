import { useState } from 'react';
import type { NearDuplicateGroup } from '../../core/audit/index.ts';
import { useData } from '../../state/derived.ts';
import { GroupEntry } from './GroupEntry.tsx';
import { LimitedList } from './LimitedList.tsx';
import { countOf, patientOf } from './names.ts';

/**
 * Frames of one patient and plane that look alike: expected of a sweep, so they are folded away
 * and never counted with the groups above. Rendered only when unfolded.
 */
export function SameFrames({ groups }: { readonly groups: readonly NearDuplicateGroup[] }) {
  const data = useData();
  const [open, setOpen] = useState(false);
  return (
    <details className="audit-frames" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Look-alike frames of one patient and plane: {countOf(groups.length, 'group')} (expected, not
        counted above)
      </summary>
      {open &&
        (groups.length === 0 ? (
          <p className="audit-section__empty">None.</p>
        ) : (
          <LimitedList
            items={groups}
            keyOf={(group) => group.ids[0] ?? 0}
            className="audit-entries"
            render={(group) => {
              const record = data?.index.records[group.ids[0] ?? -1];
              const whose = record === undefined ? '' : `${patientOf(record)}, ${record.plane}: `;
              return (
                <GroupEntry
                  title={`${whose}${countOf(group.ids.length, 'frame')}`}
                  badges={group.crossSplit ? ['Spans Train and Test'] : []}
                  parts={group.folds}
                />
              );
            }}
          />
        ))}
    </details>
  );
}
