import { FACETS } from '../../core/facets.ts';
import { facetValues } from '../../core/filter.ts';
import { useData, useEvaluation } from '../../state/derived.ts';
import { FacetGroup } from './FacetGroup.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ActiveFilters } from './ActiveFilters.tsx';
import './filters.css';

/**
 * Search, the active filters at a glance, and one group of checkboxes per facet with values (the
 * Size facet appears once a first image header has been read).
 */
export function FilterPanel() {
  const data = useData();
  const evaluation = useEvaluation();
  if (data === null || evaluation === null) return null;
  return (
    <div className="filters">
      <SearchBox />
      <ActiveFilters />
      {FACETS.map(({ key, legend }) => {
        const { values, counts } = facetValues(data.index, evaluation, key);
        if (values.length === 0) return null;
        return <FacetGroup key={key} facet={key} legend={legend} values={values} counts={counts} />;
      })}
    </div>
  );
}
