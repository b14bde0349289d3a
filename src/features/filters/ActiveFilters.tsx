import { FACETS, isEmptyFilter, selectedValues } from '../../core/facets.ts';
import { useApp } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';

/** The active filters at a glance, each removable, and "Clear filters". */
export function ActiveFilters() {
  const session = useSession();
  const filter = useApp((state) => state.filter);
  if (isEmptyFilter(filter)) return null;
  return (
    <div className="active-filters" aria-label="Active filters" role="group">
      <ul className="active-filters__list">
        {FACETS.flatMap(({ key, legend }) =>
          selectedValues(filter, key).map((value) => (
            <li key={`${key}:${value}`} className="chip">
              <span className="chip__facet">{legend}:</span> {value}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${legend}: ${value}`}
                onClick={() => session.toggle(key, value)}
              >
                ×
              </button>
            </li>
          )),
        )}
        {filter.query.trim() !== '' && (
          <li className="chip">
            <span className="chip__facet">Search:</span> {filter.query}
            <button
              type="button"
              className="chip__remove"
              aria-label="Remove the search"
              onClick={() => session.search('')}
            >
              ×
            </button>
          </li>
        )}
      </ul>
      <button type="button" className="button button--small" onClick={() => session.clearFilters()}>
        Clear filters
      </button>
    </div>
  );
}
