import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartBar, ChartSeries } from '../../core/chartSeries.ts';
import { formatCount } from '../../core/format.ts';
import { useElementWidth } from '../../ui/useElementWidth.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import { SPLIT_FILL } from './splitColours.ts';

interface Props {
  readonly series: ChartSeries;
  /** Pixels; fixed by the number of bars so the page does not move as figures change. */
  readonly height: number;
  /** The labels of this chart's facet already in the filters. */
  readonly selected: readonly string[];
  readonly onPick: (bar: ChartBar) => void;
}

const LABEL_WIDTH = 136;
const TICK = { fill: 'var(--muted)', fontSize: 12 };
const AXIS_LINE = { stroke: 'var(--line)' };

/** One series as horizontal bars, stacked by split when it has stacks; a click picks a bar. */
export function SeriesChart({ series, height, selected, onPick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const pick = (label: unknown) => {
    const bar = series.bars.find((b) => b.label === label);
    if (bar !== undefined) onPick(bar);
  };
  // A tap sets no hover state, so the chart's own click has no active label: the bars pick too.
  // A click on a bar then picks twice, which onPick ignores for a value already filtered on.
  const pickBar = (item: { payload?: unknown }) =>
    pick((item.payload as ChartBar | undefined)?.label);

  return (
    <div ref={box} className="chart__plot" style={{ height }}>
      {width > 0 && (
        <BarChart
          layout="vertical"
          width={width}
          height={height}
          data={series.bars}
          role="img"
          aria-label={series.description}
          accessibilityLayer={false}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          barCategoryGap="22%"
          onClick={(state) => pick(state.activeLabel)}
        >
          <CartesianGrid horizontal={false} stroke="var(--line)" />
          <XAxis
            type="number"
            allowDecimals={false}
            tickFormatter={formatCount}
            tick={TICK}
            axisLine={AXIS_LINE}
            tickLine={AXIS_LINE}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={LABEL_WIDTH}
            interval={0}
            tick={{ ...TICK, fill: 'var(--text)' }}
            axisLine={AXIS_LINE}
            tickLine={false}
          />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)', stroke: 'var(--line)' }}
            isAnimationActive={false}
            content={({ active, label }) => (
              <ChartTooltip series={series} active={active} label={label} selected={selected} />
            )}
          />
          {series.stacks.length > 0 ? (
            series.stacks.map((stack, at) => (
              <Bar
                key={stack.kind}
                name={stack.label}
                dataKey={(bar: ChartBar) => bar.counts[at] ?? 0}
                stackId="split"
                fill={SPLIT_FILL[stack.kind]}
                className="chart__bar"
                onClick={pickBar}
              />
            ))
          ) : (
            <Bar
              name={series.unit}
              dataKey="total"
              fill="var(--bar)"
              className="chart__bar"
              onClick={pickBar}
            />
          )}
        </BarChart>
      )}
    </div>
  );
}
