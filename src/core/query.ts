// The text query: which records' file name or patient contain what the user typed.

import type { DatasetIndex } from './datasetIndex.ts';

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
