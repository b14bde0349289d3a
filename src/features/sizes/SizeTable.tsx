import { formatCount, formatShare, formatSize, formatSpread } from '../../core/format.ts';
import type { SizeGroup } from '../../core/summary.ts';

interface Props {
  readonly caption: string;
  /** The first column's header: what a group is (`Country`, `Machine`). */
  readonly groupHeader: string;
  readonly groups: readonly SizeGroup[];
  /** True while image headers are still being read: the figures will change. */
  readonly busy: boolean;
  /** The id of the line saying how far the header pass is. */
  readonly describedBy: string;
}

const UNKNOWN = '—';

/** One group per row: its images, the commonest size and its share, and the spreads. */
export function SizeTable({ caption, groupHeader, groups, busy, describedBy }: Props) {
  return (
    <table className="size-table" aria-busy={busy} aria-describedby={describedBy}>
      <caption>{caption}</caption>
      <colgroup>
        <col className="size-table__group" />
        <col className="size-table__count" />
        <col className="size-table__size" />
        <col className="size-table__count" />
        <col className="size-table__size" />
        <col className="size-table__spread" />
        <col className="size-table__spread" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{groupHeader}</th>
          <th scope="col">Images</th>
          <th scope="col">Most common size</th>
          <th scope="col">Share</th>
          <th scope="col">Distinct sizes</th>
          <th scope="col">Width</th>
          <th scope="col">Height</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.label}>
            <th scope="row">{group.label}</th>
            <td>{formatCount(group.images)}</td>
            <td>
              {group.commonest === null
                ? UNKNOWN
                : formatSize(group.commonest.width, group.commonest.height)}
            </td>
            <td>{group.commonest === null ? UNKNOWN : formatShare(group.commonestShare)}</td>
            <td>{formatCount(group.sizes.length)}</td>
            <td>{group.width === null ? UNKNOWN : formatSpread(group.width)}</td>
            <td>{group.height === null ? UNKNOWN : formatSpread(group.height)}</td>
          </tr>
        ))}
        {groups.length === 0 && (
          <tr>
            <td className="size-table__empty" colSpan={7}>
              No image in the selection.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
