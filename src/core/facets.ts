// Facets: the fields a user filters by, and the filter state that round-trips through the URL.

/** The fields of an ImageRecord the user can filter by. */
export type FacetKey =
  'dataset' | 'plane' | 'brainPlane' | 'operator' | 'machine' | 'country' | 'split';

/** A facet as the filter panel shows it. */
export interface Facet {
  readonly key: FacetKey;
  readonly legend: string;
}

/** Every facet, in the order the filter panel shows them. */
export const FACETS: readonly Facet[] = [
  { key: 'dataset', legend: 'Dataset' },
  { key: 'plane', legend: 'Plane' },
  { key: 'brainPlane', legend: 'Brain plane' },
  { key: 'operator', legend: 'Operator' },
  { key: 'machine', legend: 'Machine' },
  { key: 'country', legend: 'Country' },
  { key: 'split', legend: 'Split' },
];

/** The facet keys, in the order of FACETS. */
export const FACET_KEYS: readonly FacetKey[] = FACETS.map((facet) => facet.key);

/** The URL parameter of each facet; a facet with several values repeats its parameter. */
export const FACET_PARAM: Readonly<Record<FacetKey, string>> = {
  dataset: 'dataset',
  plane: 'plane',
  brainPlane: 'brain',
  operator: 'operator',
  machine: 'machine',
  country: 'country',
  split: 'split',
};

/** The URL parameter of the text query. */
export const QUERY_PARAM = 'q';

/**
 * What the user asked to see. Facet values are labels as the user sees them (`FETAL_PLANES_DB`,
 * `Train`, `Fetal brain`), kept in the order they were checked; a facet with nothing checked is
 * absent rather than empty, and holds no value twice. The query is kept as typed.
 */
export interface FilterState {
  readonly facets: Readonly<Partial<Record<FacetKey, readonly string[]>>>;
  readonly query: string;
}

/** The filter that keeps every image. */
export const EMPTY_FILTER: FilterState = Object.freeze({ facets: Object.freeze({}), query: '' });

/** Takes a filter and a facet; returns the labels checked in it (empty if none). O(1). */
export function selectedValues(filter: FilterState, key: FacetKey): readonly string[] {
  return filter.facets[key] ?? [];
}

/** Takes a filter, a facet and a label; returns whether the label is checked. Never throws. */
export function isSelected(filter: FilterState, key: FacetKey, value: string): boolean {
  return selectedValues(filter, key).includes(value);
}

/**
 * Takes a filter, a facet and a label; returns a new filter with the label checked if it was not
 * (appended) or unchecked if it was. The input is not changed. Never throws.
 */
export function toggleValue(filter: FilterState, key: FacetKey, value: string): FilterState {
  const current = selectedValues(filter, key);
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return withValues(filter, key, next);
}

/**
 * Takes a filter and optionally a facet; returns the filter without that facet's values, or
 * EMPTY_FILTER (no values, no query) when no facet is given. Never throws.
 */
export function clearFilter(filter: FilterState, key?: FacetKey): FilterState {
  return key === undefined ? EMPTY_FILTER : withValues(filter, key, []);
}

/** Takes a filter and a query as typed; returns the filter with that query. Never throws. */
export function setQuery(filter: FilterState, query: string): FilterState {
  return { facets: filter.facets, query };
}

/** Takes a filter; returns true when it keeps every image (no value checked, blank query). */
export function isEmptyFilter(filter: FilterState): boolean {
  return (
    filter.query.trim() === '' &&
    FACET_KEYS.every((key) => selectedValues(filter, key).length === 0)
  );
}

/**
 * Takes a filter; returns URL parameters: each facet's values in FACETS order under its
 * FACET_PARAM (repeated, in checked order), then `q` if the query is not empty. Never throws.
 */
export function filterToParams(filter: FilterState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FACET_KEYS) {
    for (const value of selectedValues(filter, key)) params.append(FACET_PARAM[key], value);
  }
  if (filter.query !== '') params.set(QUERY_PARAM, filter.query);
  return params;
}

/**
 * Takes URL parameters (possibly hand-edited); returns the filter they describe. Unknown
 * parameters, empty values and repeats of a value are ignored; the first `q` wins. Inverts
 * filterToParams exactly for any filter built with these helpers. Never throws.
 */
export function filterFromParams(params: URLSearchParams): FilterState {
  const facets: Partial<Record<FacetKey, readonly string[]>> = {};
  for (const key of FACET_KEYS) {
    const values = [...new Set(params.getAll(FACET_PARAM[key]))].filter((v) => v !== '');
    if (values.length > 0) facets[key] = values;
  }
  return { facets, query: params.get(QUERY_PARAM) ?? '' };
}

function withValues(filter: FilterState, key: FacetKey, values: readonly string[]): FilterState {
  const facets: Partial<Record<FacetKey, readonly string[]>> = {};
  for (const other of FACET_KEYS) {
    const kept = other === key ? values : filter.facets[other];
    if (kept !== undefined && kept.length > 0) facets[other] = kept;
  }
  return { facets, query: filter.query };
}
