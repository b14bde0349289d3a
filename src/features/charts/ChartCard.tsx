import { useId, useState } from 'react';
import type { ChartBar, ChartSeries } from '../../core/chartSeries.ts';
import { SeriesChart } from './SeriesChart.tsx';
import { SeriesTable } from './SeriesTable.tsx';
import { SplitLegend } from './SplitLegend.tsx';

interface Props {
  readonly series: ChartSeries;
  readonly selected: readonly string[];
  readonly onPick: (bar: ChartBar) => void;
}

/** Pixels per bar and for the value axis: a chart's height depends on its bar count only. */
const BAR_HEIGHT = 30;
const AXIS_HEIGHT = 36;

/** One chart with its title, split legend, and a switch to the same figures as a table. */
export function ChartCard({ series, selected, onPick }: Props) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const height = series.bars.length * BAR_HEIGHT + AXIS_HEIGHT;

  return (
    <section className="chart" aria-labelledby={titleId}>
      <div className="chart__head">
        <h3 id={titleId} className="chart__title">
          {series.title}
        </h3>
        <button
          type="button"
          className="button button--small"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
        >
          Show as table
        </button>
      </div>
      <SplitLegend stacks={series.stacks} />
      <div className="chart__body" style={{ minHeight: height }}>
        {asTable ? (
          <SeriesTable series={series} />
        ) : (
          <SeriesChart series={series} height={height} selected={selected} onPick={onPick} />
        )}
      </div>
      {series.stacks.length > 0 && series.measure === 'patients' && (
        <p className="chart__note">
          All counts a patient once, even one with images in two splits.
        </p>
      )}
    </section>
  );
}
