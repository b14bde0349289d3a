// The filter engine: from an index and a filter state to the selection and the facet counts.

import { NONE, type DatasetIndex } from './datasetIndex.ts';
import { FACET_KEYS, type FacetKey, type FilterState } from './facets.ts';

/** What a filter keeps of an index. */
export interface Evaluation {
  /** Ids of the matching records, in index order. */
  readonly selection: Uint32Array;
  /** How many records the index holds (the "of N" beside the selection's length). */
  readonly total: number;
  /**
   * Per facet, per dictionary code: how many images the user would see with that value checked
   * too, i.e. with every other facet and the query applied but not this facet's own values.
   */
  readonly counts: Readonly<Record<FacetKey, Uint32Array>>;
}

/**
 * Takes an index and a filter; returns the selection and the facet counts. Values checked in one
 * facet are OR-ed, facets and the query are AND-ed; a record with no value for a facet fails any
 * filter on it, and a label absent from the index matches nothing. Tight passes over typed arrays
 * (one per checked facet, one per facet to count): O(n * facets); the query's matches are cached
 * per index. Never throws.
 */
export function evaluate(index: DatasetIndex, filter: FilterState): Evaluation {
  const n = index.records.length;
  // failures[id]: how many checked facets the record fails; QUERY_FAILED if the query fails it.
  const failures = new Uint8Array(n);
  const query = queryMatches(index, filter.query);
  if (query !== null) {
    for (let id = 0; id < n; id++) if (query[id] !== 1) failures[id] = QUERY_FAILED;
  }

  const allowed = new Map<FacetKey, Uint8Array>();
  for (const key of FACET_KEYS) {
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

  const selection = selectPassing(failures);
  const counts = {} as Record<FacetKey, Uint32Array>;
  for (const key of FACET_KEYS) {
    const facet = index.facets[key];
    const mask = allowed.get(key);
    counts[key] =
      mask === undefined
        ? countSelected(facet.codes, selection, facet.values.length)
        : countNearMisses(facet.codes, mask, failures, facet.values.length);
  }
  return { selection, total: n, counts };
}

/** More than any number of facets: a record the query rejects is counted nowhere. */
const QUERY_FAILED = 0x80;

function markFailures(codes: Uint16Array, allowed: Uint8Array, failures: Uint8Array): void {
  for (let id = 0; id < codes.length; id++) {
    if (allowed[codes[id] ?? NONE] !== 1) failures[id] = (failures[id] ?? 0) + 1;
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

/** Counts per code over the selection: the counts of a facet with nothing checked. */
function countSelected(codes: Uint16Array, selection: Uint32Array, size: number): Uint32Array {
  const counts = new Uint32Array(size);
  const everything = selection.length === codes.length;
  for (let at = 0; at < selection.length; at++) {
    const code = codes[everything ? at : (selection[at] ?? 0)] ?? NONE;
    if (code !== NONE) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** Counts per code over records that pass everything but, possibly, this facet. */
function countNearMisses(
  codes: Uint16Array,
  allowed: Uint8Array,
  failures: Uint8Array,
  size: number,
): Uint32Array {
  const counts = new Uint32Array(size);
  for (let id = 0; id < codes.length; id++) {
    const failed = failures[id] ?? 0;
    if (failed > 1) continue;
    const code = codes[id] ?? NONE;
    if (code === NONE) continue;
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
