import type { ChartSeries } from '../../core/chartSeries.ts';
import { formatCount } from '../../core/format.ts';

/** A series as a plain table, for screen readers and for copying the numbers. */
export function SeriesTable({ series }: { readonly series: ChartSeries }) {
  const stacked = series.stacks.length > 0;
  return (
    <table className="chart-table">
      <caption>{series.title}</caption>
      <thead>
        <tr>
          <th scope="col">{series.legend}</th>
          {series.stacks.map((stack) => (
            <th key={stack.kind} scope="col">
              {stack.label}
            </th>
          ))}
          <th scope="col">{stacked ? 'All' : series.unit}</th>
        </tr>
      </thead>
      <tbody>
        {series.bars.map((bar) => (
          <tr key={bar.label}>
            <th scope="row">{bar.label}</th>
            {series.stacks.map((stack, at) => (
              <td key={stack.kind}>{formatCount(bar.counts[at] ?? 0)}</td>
            ))}
            <td>{formatCount(bar.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
