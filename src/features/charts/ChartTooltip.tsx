import type { ChartSeries } from '../../core/chartSeries.ts';
import { formatCount } from '../../core/format.ts';

interface Props {
  readonly series: ChartSeries;
  readonly active: boolean;
  readonly label: string | number | undefined;
  readonly selected: readonly string[];
}

/** The figures of the bar under the pointer, and what a click on it does. */
export function ChartTooltip({ series, active, label, selected }: Props) {
  const bar = series.bars.find((b) => b.label === label);
  if (!active || bar === undefined) return null;
  const hint = selected.includes(bar.label)
    ? 'Already in the filters'
    : bar.total === 0
      ? 'Nothing to filter'
      : 'Click to filter by it';

  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{bar.label}</p>
      <dl className="chart-tooltip__figures">
        {series.stacks.map((stack, at) => (
          <div key={stack.kind}>
            <dt>
              <span className={`swatch swatch--${stack.kind}`} aria-hidden="true" />
              {stack.label}
            </dt>
            <dd>{formatCount(bar.counts[at] ?? 0)}</dd>
          </div>
        ))}
        <div>
          <dt>{series.stacks.length > 0 ? 'All' : series.unit}</dt>
          <dd>{formatCount(bar.total)}</dd>
        </div>
      </dl>
      <p className="chart-tooltip__hint">{hint}</p>
    </div>
  );
}
