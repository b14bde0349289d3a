// Facets: the fields a user filters by, and the filter state that round-trips through the URL.

import type { ImageSize } from './datasetIndex.ts';
import { formatSize } from './format.ts';

/** The fields of an ImageRecord the user can filter by: the index holds each as a column. */
export type RecordFacetKey =
  'dataset' | 'plane' | 'brainPlane' | 'operator' | 'machine' | 'country' | 'split';

/**
 * Every facet: the record's fields; `size`, the width and height read from the image's header
 * (labels `W×H`), whose values grow as headers are read; and `finding`, the kinds of audit finding
 * an image is part of (labels as FINDING_LABEL writes them), which an image may have several of
 * and which change as hashes are read; and `tag`, the user's tags (core/tags.ts), as many per
 * image. The filter engine takes the last two apart from the index.
 */
export type FacetKey = RecordFacetKey | 'size' | 'finding' | 'tag';

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
  { key: 'size', legend: 'Size' },
  { key: 'finding', legend: 'Finding' },
  { key: 'tag', legend: 'Tag' },
];

/** The facet keys, in the order of FACETS. */
export const FACET_KEYS: readonly FacetKey[] = FACETS.map((facet) => facet.key);

/** The facets held as columns of the index (all but size, finding and tag), in FACETS order. */
export const RECORD_FACET_KEYS: readonly RecordFacetKey[] = FACET_KEYS.filter(
  (key): key is RecordFacetKey => key !== 'size' && key !== 'finding' && key !== 'tag',
);

/** The URL parameter of each facet; a facet with several values repeats its parameter. */
export const FACET_PARAM: Readonly<Record<FacetKey, string>> = {
  dataset: 'dataset',
  plane: 'plane',
  brainPlane: 'brain',
  operator: 'operator',
  machine: 'machine',
  country: 'country',
  split: 'split',
  size: 'size',
  finding: 'finding',
  tag: 'tag',
};

/** The URL parameter of the text query. */
export const QUERY_PARAM = 'q';

/**
 * What the user asked to see. Facet values are labels as the user sees them (`FETAL_PLANES_DB`,
 * `Train`, `Fetal brain`, `800×600`, `Exact duplicate`), kept in the order they were checked; a
 * facet with nothing checked is absent rather than empty, and holds no value twice. Size labels
 * are kept as sizeLabel writes them. The query is kept as typed.
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
 * (appended) or unchecked if it was; a size label is taken through sizeLabel first (`800x600`
 * toggles `800×600`). The input is not changed. Never throws.
 */
export function toggleValue(filter: FilterState, key: FacetKey, written: string): FilterState {
  const value = key === 'size' ? sizeLabel(written) : written;
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
 * FACET_PARAM (repeated, in checked order), then `q` if the query is not empty. Sizes are written
 * with a plain x (`size=800x600`), which reads better in an address bar. Never throws.
 */
export function filterToParams(filter: FilterState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FACET_KEYS) {
    for (const value of selectedValues(filter, key)) {
      const size = key === 'size' ? parseSizeLabel(value) : null;
      params.append(FACET_PARAM[key], size === null ? value : `${size.width}x${size.height}`);
    }
  }
  if (filter.query !== '') params.set(QUERY_PARAM, filter.query);
  return params;
}

/**
 * Takes URL parameters (possibly hand-edited); returns the filter they describe. Unknown
 * parameters, empty values and repeats of a value are ignored; the first `q` wins. Sizes are read
 * with x, X or ×, through sizeLabel (`size=800x600` checks `800×600`). Inverts filterToParams
 * exactly for any filter built with these helpers. Never throws.
 */
export function filterFromParams(params: URLSearchParams): FilterState {
  const facets: Partial<Record<FacetKey, readonly string[]>> = {};
  for (const key of FACET_KEYS) {
    const written = params.getAll(FACET_PARAM[key]);
    const labels = key === 'size' ? written.map(sizeLabel) : written;
    const values = [...new Set(labels)].filter((v) => v !== '');
    if (values.length > 0) facets[key] = values;
  }
  return { facets, query: params.get(QUERY_PARAM) ?? '' };
}

const SIZE_PATTERN = /^(\d{1,10})[x×X](\d{1,10})$/;

/**
 * Takes a size as a label or as a URL writes it (`800×600`, `800x600`, `800X600`); returns the
 * width and height, or null when it is not two positive whole numbers of pixels (below 2^32) with
 * x, X or × between them and nothing around them. Never throws.
 */
export function parseSizeLabel(text: string): ImageSize | null {
  const match = SIZE_PATTERN.exec(text);
  if (match === null) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const valid = (n: number) => n > 0 && n <= 0xffffffff;
  return valid(width) && valid(height) ? { width, height } : null;
}

/**
 * Takes a size as parseSizeLabel reads it; returns the label the user sees (`0800x600` ->
 * `800×600`), or the text unchanged when it is not a size (it then matches no image).
 */
export function sizeLabel(text: string): string {
  const size = parseSizeLabel(text);
  return size === null ? text : formatSize(size.width, size.height);
}

function withValues(filter: FilterState, key: FacetKey, values: readonly string[]): FilterState {
  const facets: Partial<Record<FacetKey, readonly string[]>> = {};
  for (const other of FACET_KEYS) {
    const kept = other === key ? values : filter.facets[other];
    if (kept !== undefined && kept.length > 0) facets[other] = kept;
  }
  return { facets, query: filter.query };
}
