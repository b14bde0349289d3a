import {
  FINDING_HEADING,
  type NearDuplicateGroup,
  type NearDuplicates,
} from '../../core/audit/index.ts';
import { GroupEntry } from './GroupEntry.tsx';
import { nothingFound, partialNote, type HashProgress } from './hashing.ts';
import { LimitedList } from './LimitedList.tsx';
import { countOf } from './names.ts';
import { SameFrames } from './SameFrames.tsx';
import { Empty, Section } from './Section.tsx';
import { Threshold } from './Threshold.tsx';

interface Props {
  readonly near: NearDuplicates;
  /** The threshold the session holds (the slider's value). */
  readonly bits: number;
  readonly progress: HashProgress;
}

/** Images that look the same across patients or planes; a patient's own frames apart. */
export function NearDuplicatesSection({ near, bits, progress }: Props) {
  const groups = [...near.crossPatient, ...near.crossPlane];
  return (
    <Section
      title={FINDING_HEADING['near-duplicate']}
      count={groups.length}
      note={partialNote(progress) ?? 'Images that look the same across patients or planes.'}
    >
      <Threshold bits={bits} />
      {groups.length === 0 ? (
        <Empty>{nothingFound(progress)}</Empty>
      ) : (
        <LimitedList
          items={groups}
          keyOf={(group) => group.ids[0] ?? 0}
          className="audit-entries"
          render={(group) => (
            <GroupEntry
              title={describe(group)}
              badges={group.crossSplit ? ['Spans Train and Test'] : []}
              parts={group.folds}
            />
          )}
        />
      )}
      <SameFrames groups={near.samePatient} />
    </Section>
  );
}

function describe(group: NearDuplicateGroup): string {
  const images = countOf(group.ids.length, 'image');
  if (group.patients > 1) return `${images} of ${countOf(group.patients, 'patient')}`;
  return `${images} of one patient, in ${countOf(group.folds.length, 'plane')}`;
}
