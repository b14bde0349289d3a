import { FINDING_HEADING, type ExactDuplicateGroup } from '../../core/audit/index.ts';
import { GroupEntry, badgesOf } from './GroupEntry.tsx';
import { nothingFound, partialNote, type HashProgress } from './hashing.ts';
import { LimitedList } from './LimitedList.tsx';
import { countOf } from './names.ts';
import { Empty, Section } from './Section.tsx';

interface Props {
  readonly groups: readonly ExactDuplicateGroup[];
  readonly progress: HashProgress;
}

/** Files with identical bytes; groups that span Train and Test or two patients come first. */
export function ExactDuplicatesSection({ groups, progress }: Props) {
  return (
    <Section
      title={FINDING_HEADING['exact-duplicate']}
      count={groups.length}
      note={partialNote(progress) ?? 'Files whose bytes are identical.'}
    >
      {groups.length === 0 ? (
        <Empty>{nothingFound(progress)}</Empty>
      ) : (
        <LimitedList
          items={groups}
          keyOf={(group) => group.hash}
          className="audit-entries"
          render={(group) => (
            <GroupEntry
              title={countOf(group.ids.length, 'identical file')}
              badges={badgesOf(group)}
              parts={[group.ids]}
            />
          )}
        />
      )}
    </Section>
  );
}
