import type { CrossTab, CrossTabField } from '../../core/audit/index.ts';
import { FACETS } from '../../core/facets.ts';
import { formatCount, formatShare } from '../../core/format.ts';

/** How the user names a field: its legend in the filter panel. */
export function legendOf(field: CrossTabField): string {
  return FACETS.find((facet) => facet.key === field)?.legend ?? field;
}

/**
 * A cell's shading: the accent mixed in by the row's share. Capped below full strength, so that
 * the count written over it keeps its contrast in both themes.
 */
function heat(share: number): string {
  const percent = Math.round(Math.min(1, Math.max(0, share)) * 55);
  return `color-mix(in srgb, var(--accent-strong) ${percent}%, transparent)`;
}

/** The counts of a cross-tab as a heat map: each cell's count, its row share, and a shade. */
export function CrossTabTable({ table }: { readonly table: CrossTab }) {
  const rowLegend = legendOf(table.rowField);
  const columnLegend = legendOf(table.columnField);
  const width = table.columns.length;
  if (table.rows.length === 0) {
    return (
      <p className="audit-section__empty">
        No image of the selection has both a {rowLegend.toLowerCase()} and a{' '}
        {columnLegend.toLowerCase()}.
      </p>
    );
  }
  return (
    <>
      <table className="audit-xtab">
        <caption>
          {rowLegend} by {columnLegend.toLowerCase()}: images, and the share of each row
        </caption>
        <thead>
          <tr>
            <th scope="col">{rowLegend}</th>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {table.columns.map((column, c) => {
                const share = table.rowShares[r * width + c] ?? 0;
                return (
                  <td key={column} style={{ backgroundColor: heat(share) }}>
                    <span className="audit-xtab__count">
                      {formatCount(table.counts[r * width + c] ?? 0)}
                    </span>{' '}
                    <span className="audit-xtab__share">{formatShare(share)}</span>
                  </td>
                );
              })}
              <td className="audit-xtab__total">{formatCount(table.rowTotals[r] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {table.columns.map((column, c) => (
              <td key={column}>{formatCount(table.columnTotals[c] ?? 0)}</td>
            ))}
            <td className="audit-xtab__total">{formatCount(table.total)}</td>
          </tr>
        </tfoot>
      </table>
      {table.unvalued > 0 && (
        <p className="audit-section__note">
          {formatCount(table.unvalued)} images of the selection have no {rowLegend.toLowerCase()} or
          no {columnLegend.toLowerCase()} and are left out.
        </p>
      )}
    </>
  );
}
