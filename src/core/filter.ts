// The filter engine: from an index and a filter state to the selection and the facet counts.

import { NONE, sizeCodeOf, sizeDisplayOrder, type DatasetIndex } from './datasetIndex.ts';
import {
  RECORD_FACET_KEYS,
  type FacetKey,
  type FilterState,
  type RecordFacetKey,
} from './facets.ts';
import { formatSize } from './format.ts';

/** What a filter keeps of an index. */
export interface Evaluation {
  /** Ids of the matching records, in index order. */
  readonly selection: Uint32Array;
  /** How many records the index holds (the "of N" beside the selection's length). */
  readonly total: number;
  /**
   * Per facet, per code: how many images the user would see with that value checked too, i.e.
   * with every other facet and the query applied but not this facet's own values. Record facets
   * are indexed by dictionary code; `size` by size code - 1, i.e. `counts.size[i]` is the count of
   * `index.sizes[i]`, over the sizes known when the evaluation was made (see facetValues for the
   * order the panel shows them in).
   */
  readonly counts: Readonly<Record<FacetKey, Uint32Array>>;
}

/**
 * Takes an index and a filter; returns the selection and the facet counts. Values checked in one
 * facet are OR-ed, facets and the query are AND-ed; a record with no value for a facet (or whose
 * size is not known yet) fails any filter on it, and a label absent from the index matches
 * nothing. Tight passes over typed arrays (one per checked facet, one per facet to count):
 * O(n * facets); the query's matches are cached per index. Sizes are read as they are now: call
 * again when `index.version` changes. Never throws.
 */
export function evaluate(index: DatasetIndex, filter: FilterState): Evaluation {
  const n = index.records.length;
  // failures[id]: how many checked facets the record fails; QUERY_FAILED if the query fails it.
  const failures = new Uint8Array(n);
  const query = queryMatches(index, filter.query);
  if (query !== null) {
    for (let id = 0; id < n; id++) if (query[id] !== 1) failures[id] = QUERY_FAILED;
  }

  const allowed = new Map<RecordFacetKey, Uint8Array>();
  for (const key of RECORD_FACET_KEYS) {
    const checked = filter.facets[key] ?? [];
    if (checked.length === 0) continue;
    const facet = index.facets[key];
    const mask = new Uint8Array(NONE + 1);
    for (const label of checked) {
      const code = facet.lookup.get(label);
      if (code !== undefined) mask[code] = 1;
    }
    allowed.set(key, mask);
    markFailures(facet.codes, mask, failures);
  }
  const sizes = sizeMask(index, filter);
  if (sizes !== null) markFailures(index.sizeCodes, sizes, failures);

  const selection = selectPassing(failures);
  const counts = {} as Record<FacetKey, Uint32Array>;
  for (const key of RECORD_FACET_KEYS) {
    const facet = index.facets[key];
    const mask = allowed.get(key);
    counts[key] =
      mask === undefined
        ? countSelected(facet.codes, NONE, selection, facet.values.length)
        : countNearMisses(facet.codes, NONE, mask, failures, facet.values.length);
  }
  // Slot 0 is size code 0, unknown: never counted, then dropped.
  const slots = index.sizes.length + 1;
  counts.size = (
    sizes === null
      ? countSelected(index.sizeCodes, 0, selection, slots)
      : countNearMisses(index.sizeCodes, 0, sizes, failures, slots)
  ).subarray(1);
  return { selection, total: n, counts };
}

/**
 * Takes an index, a filter and an evaluation of that filter on that index made earlier; returns
 * one that sees the sizes read since. With no size checked, sizes cannot change the selection:
 * the result keeps the same selection array and the other facets' counts, and counts the Size
 * facet again over it (O(selection)). With a size checked, it is evaluate(index, filter).
 * Never throws.
 */
export function refreshSizes(
  index: DatasetIndex,
  filter: FilterState,
  evaluation: Evaluation,
): Evaluation {
  if ((filter.facets.size ?? []).length > 0) return evaluate(index, filter);
  const slots = index.sizes.length + 1;
  const size = countSelected(index.sizeCodes, 0, evaluation.selection, slots).subarray(1);
  return { ...evaluation, counts: { ...evaluation.counts, size } };
}

/** One facet as the filter panel lists it: labels in display order, and their counts beside. */
export interface FacetValues {
  readonly values: readonly string[];
  readonly counts: Uint32Array;
}

/**
 * Takes an index, an evaluation of it and a facet; returns the facet's labels in display order
 * with their counts aligned. A record facet gives its dictionary and the evaluation's counts as
 * they are (same objects). `size` gives every size the evaluation counted, as `W×H`, smallest
 * area first, then narrowest (sizeDisplayOrder): an order that stays put as counts change and
 * sizes arrive. O(s log s) for size, O(1) otherwise; never throws.
 */
export function facetValues(
  index: DatasetIndex,
  evaluation: Evaluation,
  key: FacetKey,
): FacetValues {
  if (key !== 'size') return { values: index.facets[key].values, counts: evaluation.counts[key] };

  const counted = evaluation.counts.size;
  const codes = sizeDisplayOrder(index).filter((code) => code <= counted.length);
  return {
    values: codes.map((code) => {
      const { width = 0, height = 0 } = index.sizes[code - 1] ?? {};
      return formatSize(width, height);
    }),
    counts: Uint32Array.from(codes, (code) => counted[code - 1] ?? 0),
  };
}

/** More than any number of facets: a record the query rejects is counted nowhere. */
const QUERY_FAILED = 0x80;

/** Per size code, 1 if checked; null when no size is checked. Code 0 (unknown) is never. */
function sizeMask(index: DatasetIndex, filter: FilterState): Uint8Array | null {
  const checked = filter.facets.size ?? [];
  if (checked.length === 0) return null;
  const mask = new Uint8Array(index.sizes.length + 1);
  for (const label of checked) {
    const code = sizeCodeOf(index, label);
    if (code !== 0) mask[code] = 1;
  }
  return mask;
}

type Codes = Uint16Array | Uint32Array;

function markFailures(codes: Codes, allowed: Uint8Array, failures: Uint8Array): void {
  for (let id = 0; id < codes.length; id++) {
    if (allowed[codes[id] ?? 0] !== 1) failures[id] = (failures[id] ?? 0) + 1;
  }
}

function selectPassing(failures: Uint8Array): Uint32Array {
  let passing = 0;
  for (let id = 0; id < failures.length; id++) if (failures[id] === 0) passing++;
  const selection = new Uint32Array(passing);
  let at = 0;
  for (let id = 0; id < failures.length; id++) if (failures[id] === 0) selection[at++] = id;
  return selection;
}

/** Counts per code over the selection, `none` left out: a facet with nothing checked. */
function countSelected(
  codes: Codes,
  none: number,
  selection: Uint32Array,
  size: number,
): Uint32Array {
  const counts = new Uint32Array(size);
  const everything = selection.length === codes.length;
  for (let at = 0; at < selection.length; at++) {
    const code = codes[everything ? at : (selection[at] ?? 0)] ?? none;
    if (code !== none) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** Counts per code over records that pass everything but, possibly, this facet. */
function countNearMisses(
  codes: Codes,
  none: number,
  allowed: Uint8Array,
  failures: Uint8Array,
  size: number,
): Uint32Array {
  const counts = new Uint32Array(size);
  for (let id = 0; id < codes.length; id++) {
    const failed = failures[id] ?? 0;
    if (failed > 1) continue;
    const code = codes[id] ?? none;
    if (code === none) continue;
    if (failed === 0 || allowed[code] !== 1) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** Takes a query as typed; returns what is matched: trimmed and lowercased. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

const CACHED_QUERIES = 16;
/** Between records in the haystack; a query holding it (or NUL, between fields) matches nothing. */
const RECORD_SEPARATOR = '\u0001';

interface Haystack {
  /** Every record's search text, joined by RECORD_SEPARATOR. */
  readonly text: string;
  /** Where each record's text starts, plus the text's length at the end. */
  readonly starts: Uint32Array;
  /** Normalized query -> matches, least recently used first. */
  readonly cache: Map<string, Uint8Array>;
}

const haystacks = new WeakMap<DatasetIndex, Haystack>();

/**
 * Takes an index and a query; returns per record 1 if its search text (file name, patient number
 * as written, patient key) contains the query, case-insensitively, else 0; null for a blank
 * query. One indexOf scan over all records' text at first (O(total text)), O(1) for the last 16
 * queries. The mask is shared: do not change it. Never throws.
 */
export function queryMatches(index: DatasetIndex, query: string): Uint8Array | null {
  const needle = normalizeQuery(query);
  if (needle === '') return null;

  const haystack = haystackOf(index);
  const hit = haystack.cache.get(needle);
  if (hit !== undefined) {
    haystack.cache.delete(needle);
    haystack.cache.set(needle, hit);
    return hit;
  }

  const { text, starts } = haystack;
  const mask = new Uint8Array(starts.length - 1);
  const searchable = !needle.includes(RECORD_SEPARATOR) && !needle.includes('\0');
  let id = 0;
  let at = searchable ? text.indexOf(needle) : -1;
  while (at >= 0) {
    while ((starts[id + 1] ?? Infinity) <= at) id++;
    mask[id] = 1;
    at = text.indexOf(needle, starts[id + 1] ?? text.length);
  }

  haystack.cache.set(needle, mask);
  if (haystack.cache.size > CACHED_QUERIES) {
    const oldest = haystack.cache.keys().next();
    if (oldest.done !== true) haystack.cache.delete(oldest.value);
  }
  return mask;
}

function haystackOf(index: DatasetIndex): Haystack {
  let haystack = haystacks.get(index);
  if (haystack === undefined) {
    const starts = new Uint32Array(index.search.length + 1);
    let offset = 0;
    index.search.forEach((text, id) => {
      starts[id] = offset;
      offset += text.length + RECORD_SEPARATOR.length;
    });
    starts[index.search.length] = offset;
    const text = index.search.join(RECORD_SEPARATOR);
    haystack = { text, starts, cache: new Map() };
    haystacks.set(index, haystack);
  }
  return haystack;
}
