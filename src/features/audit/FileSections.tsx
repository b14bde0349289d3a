import {
  FINDING_HEADING,
  type MissingImage,
  type UnreadableImage,
} from '../../core/audit/index.ts';
import { FileLink } from './FileLink.tsx';
import { LimitedList } from './LimitedList.tsx';
import { Empty, Section } from './Section.tsx';

/** Rows whose image is not in the folder; the viewer still shows the row. */
export function MissingSection({ missing }: { readonly missing: readonly MissingImage[] }) {
  return (
    <Section
      title={FINDING_HEADING.missing}
      count={missing.length}
      note="Rows of a CSV whose image is not in the folder."
    >
      {missing.length === 0 ? (
        <Empty />
      ) : (
        <LimitedList
          items={missing}
          keyOf={(found) => found.id}
          className="audit-files"
          render={(found) => <FileLink id={found.id} path={found.file} />}
        />
      )}
    </Section>
  );
}

/** Images that could not be read, each with why. */
export function UnreadableSection({
  unreadable,
}: {
  readonly unreadable: readonly UnreadableImage[];
}) {
  return (
    <Section
      title={FINDING_HEADING.unreadable}
      count={unreadable.length}
      note="Images that are empty, cut short, or not PNG files."
    >
      {unreadable.length === 0 ? (
        <Empty />
      ) : (
        <LimitedList
          items={unreadable}
          keyOf={(found) => found.id}
          className="audit-files audit-files--rows"
          render={(found) => (
            <>
              <FileLink id={found.id} path={found.file} />
              <span className="audit-reason">{found.reason}</span>
            </>
          )}
        />
      )}
    </Section>
  );
}
