import type { SplitBalance } from '../../core/resplit.ts';
import { formatCount, formatShare } from '../../core/format.ts';
import { SPLIT_PART_LABEL, type SplitPart } from '../../core/export/index.ts';

function partLabel(part: string): string {
  return part in SPLIT_PART_LABEL ? SPLIT_PART_LABEL[part as SplitPart] : part;
}

function gap(deviation: number | null): string {
  return deviation === null ? '—' : `${deviation.toFixed(1)} pp`;
}

/** The new split's parts beside the published split's: sizes, patients, and plane shares. */
export function BalanceTables({
  split,
  published,
}: {
  readonly split: SplitBalance;
  readonly published: SplitBalance;
}) {
  const total = split.whole.images;
  const columns = [
    ...split.parts.map((part) => ({ group: 'New split', part })),
    ...published.parts.map((part) => ({ group: 'Published', part })),
  ];
  return (
    <div className="export-balance">
      <table>
        <caption>The new split beside the published one</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Images</th>
            <th scope="col">Share</th>
            <th scope="col">Patients</th>
            <th
              scope="col"
              title="The largest gap between a plane's share of the part and of the whole"
            >
              Largest plane gap
            </th>
          </tr>
        </thead>
        <tbody>
          {columns.map(({ group, part }) => (
            <tr key={`${group}:${part.part}`}>
              <th scope="row">
                {group}: {partLabel(part.part)}
              </th>
              <td>{formatCount(part.images)}</td>
              <td>{total === 0 ? '—' : formatShare(part.images / total)}</td>
              <td>{formatCount(part.patients)}</td>
              <td>{gap(part.deviation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Plane shares of each part’s images</caption>
        <thead>
          <tr>
            <th scope="col">Plane</th>
            <th scope="col">Whole</th>
            {columns.map(({ group, part }) => (
              <th scope="col" key={`${group}:${part.part}`}>
                {group === 'New split' ? 'New' : 'Published'} {partLabel(part.part)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {split.whole.planes.map((plane) => (
            <tr key={plane.plane}>
              <th scope="row">{plane.plane}</th>
              <td>{formatShare(plane.share)}</td>
              {columns.map(({ group, part }) => {
                const share = part.planes.find((entry) => entry.plane === plane.plane);
                return (
                  <td key={`${group}:${part.part}`}>
                    {part.images === 0 || share === undefined ? '—' : formatShare(share.share)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
