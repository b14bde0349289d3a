import { formatBytes, formatSize } from '../../core/format.ts';
import { DATASET_LABEL, type ImageRecord } from '../../core/types.ts';
import type { Extent } from '../../core/viewport.ts';

interface Props {
  readonly record: ImageRecord;
  /** Width and height in pixels, when known (from the index or the loaded image). */
  readonly size: Extent | null;
  /** File size in bytes; 0 when unknown. */
  readonly bytes: number;
  readonly present: boolean;
}

/** Everything the CSV and the file say about one image, as text. */
export function Metadata({ record, size, bytes, present }: Props) {
  const unknown = present ? 'not read yet' : 'unknown (no image)';
  const rows: [string, string | null][] = [
    ['Dataset', DATASET_LABEL[record.dataset]],
    ['File', record.path],
    ['Plane', record.plane],
    ['Brain plane', record.brainPlane],
    ['Operator', record.operator],
    ['Machine', record.machine],
    ['Country', record.country],
    ['Patient', record.patient],
    ['Split', record.split],
    ['Frame', record.frame === null ? null : `${record.frame.k} of ${record.frame.n}`],
    ['Width × height', size === null ? unknown : formatSize(size.width, size.height)],
    ['File size', bytes > 0 ? formatBytes(bytes) : unknown],
    ['CSV file', record.csvFile],
    ['CSV row', String(record.csvLine)],
  ];

  return (
    <section className="viewer-meta" aria-label="Metadata">
      <dl>
        {rows.map(([term, value]) =>
          value === null ? null : (
            <div key={term} className="viewer-meta__row">
              <dt>{term}</dt>
              <dd>{term === 'File' || term === 'CSV file' ? <PathText path={value} /> : value}</dd>
            </div>
          ),
        )}
      </dl>
    </section>
  );
}

/** A path that may wrap after each `/` rather than anywhere in a name. */
function PathText({ path }: { readonly path: string }) {
  const parts = path.split('/');
  return parts.map((part, at) => (
    <span key={at}>
      {part}
      {at < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </span>
  ));
}
