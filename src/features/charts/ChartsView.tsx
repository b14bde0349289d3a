import { useMemo, useState } from 'react';
import { chartSeries, type ChartBar, type Measure } from '../../core/chartSeries.ts';
import { isSelected, selectedValues, type FacetKey } from '../../core/facets.ts';
import { useApp, useData, useEvaluation } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { ChartCard } from './ChartCard.tsx';
import { MeasureSwitch } from './MeasureSwitch.tsx';
import './charts.css';

/** The charts of the current selection, in images or patients; a click on a bar filters by it. */
export function ChartsView() {
  const session = useSession();
  const data = useData();
  // Sizes arriving make a new evaluation with the same selection: the charts need not redraw.
  const selection = useEvaluation()?.selection ?? null;
  const filter = useApp((state) => state.filter);
  const [measure, setMeasure] = useState<Measure>('images');
  const series = useMemo(
    () => (data === null || selection === null ? [] : chartSeries(data.index, selection, measure)),
    [data, selection, measure],
  );
  if (data === null) return null;

  // Read the filter at click time: toggling a value already in it would take it out.
  const pick = (facet: FacetKey, bar: ChartBar) => {
    const current = session.store.get().filter;
    if (bar.total > 0 && !isSelected(current, facet, bar.label)) session.toggle(facet, bar.label);
  };

  return (
    <div className="charts">
      <div className="charts__toolbar">
        <MeasureSwitch value={measure} onChange={setMeasure} />
        <p className="charts__hint">Click a bar to add its value to the filters.</p>
      </div>
      <div className="charts__grid">
        {series.map((s) => (
          <ChartCard
            key={s.facet}
            series={s}
            selected={selectedValues(filter, s.facet)}
            onPick={(bar) => pick(s.facet, bar)}
          />
        ))}
      </div>
    </div>
  );
}

export default ChartsView;
