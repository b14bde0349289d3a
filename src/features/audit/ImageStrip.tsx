import { useData } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { Thumbnail } from '../../ui/Thumbnail.tsx';
import { LimitedList } from './LimitedList.tsx';
import { fileName, patientOf } from './names.ts';
import { useShown } from './shown.ts';

// A leaked patient can have dozens of images: a strip shows two rows or so before "Show all".
const STRIP_LIMIT = 16;

interface Props {
  readonly ids: readonly number[];
  /** Whether each image says its patient and split (not when the strip is one patient's split). */
  readonly withPatient?: boolean;
}

/** Images side by side, each a thumbnail with its file name that opens the viewer. */
export function ImageStrip({ ids, withPatient = true }: Props) {
  return (
    <LimitedList
      items={ids}
      keyOf={(id) => id}
      className="audit-strip"
      limit={STRIP_LIMIT}
      render={(id) => <ImageButton id={id} withPatient={withPatient} />}
    />
  );
}

function ImageButton({ id, withPatient }: { readonly id: number; readonly withPatient: boolean }) {
  const session = useSession();
  const data = useData();
  useShown(id);
  const record = data?.index.records[id];
  if (data === null || record === undefined) return null;
  return (
    <button
      type="button"
      className="audit-image"
      title={record.path}
      onClick={() => session.view(id)}
    >
      <Thumbnail id={id} present={data.index.present[id] === 1} />
      <span className="audit-image__name">{fileName(record.path)}</span>
      {withPatient && (
        <span className="audit-image__meta">
          {patientOf(record)} · {record.split}
        </span>
      )}
    </button>
  );
}
