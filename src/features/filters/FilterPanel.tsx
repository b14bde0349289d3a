import { FACETS, selectedValues, type FacetKey, type FilterState } from '../../core/facets.ts';
import { facetValues, withoutEmpty, type Evaluation, type FacetValues } from '../../core/filter.ts';
import type { DatasetIndex } from '../../core/datasetIndex.ts';
import { useApp, useData, useEvaluation } from '../../state/derived.ts';
import { FacetGroup } from './FacetGroup.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ActiveFilters } from './ActiveFilters.tsx';
import './filters.css';

/**
 * Search, the active filters at a glance, and one group of checkboxes per facet with values (the
 * Size facet appears once a first image header has been read, the Finding facet once an image is
 * part of a finding).
 */
export function FilterPanel() {
  const data = useData();
  const evaluation = useEvaluation();
  const filter = useApp((state) => state.filter);
  if (data === null || evaluation === null) return null;
  return (
    <div className="filters">
      <SearchBox />
      <ActiveFilters />
      {FACETS.map(({ key, legend }) => {
        const { values, counts } = shownValues(data.index, evaluation, filter, key);
        if (values.length === 0) return null;
        return <FacetGroup key={key} facet={key} legend={legend} values={values} counts={counts} />;
      })}
    </div>
  );
}

function shownValues(
  index: DatasetIndex,
  evaluation: Evaluation,
  filter: FilterState,
  key: FacetKey,
): FacetValues {
  const all = facetValues(index, evaluation, key);
  // Finding lists every kind whether the data has it or not: a kind no image has is noise.
  return key === 'finding' ? withoutEmpty(all, selectedValues(filter, key)) : all;
}
