// Sorting the table view: one numeric key per record and column, so a sort compares numbers.

import { naturalCompare, NONE, type DatasetIndex } from './datasetIndex.ts';
import { recordOrder } from './order.ts';
import { isFacetColumn, SIZE_COLUMNS, TABLE_COLUMNS, type TableColumnKey } from './table.ts';

/** The column the table is sorted by, and in which direction. */
export interface TableSort {
  readonly key: TableColumnKey;
  readonly descending: boolean;
}

/**
 * Takes a list of column sorts as a table library keeps them (`{ id, desc }`); returns the first
 * one on a known column as a TableSort, or null when there is none. O(columns).
 */
export function tableSortOf(
  sorting: readonly { readonly id: string; readonly desc: boolean }[],
): TableSort | null {
  for (const { id, desc } of sorting) {
    const column = TABLE_COLUMNS.find((candidate) => candidate.key === id);
    if (column !== undefined) return { key: column.key, descending: desc };
  }
  return null;
}

/** Sort keys per index and column; size columns per `index.version` too. */
const cache = new WeakMap<DatasetIndex, Map<string, Float64Array>>();

/**
 * Takes an index and a column; returns one number per record id that orders the records as the
 * column's text reads (labels naturally, `Op. 2` before `Op. 10`; numbers by value; frames by K,
 * then N), NaN where the value is unknown. Width, height and bytes follow the sizes known now.
 * Cached per index (and per `index.version` for sizes): O(n log n) once, then O(1).
 */
export function sortKeys(index: DatasetIndex, key: TableColumnKey): Float64Array {
  let keys = cache.get(index);
  if (keys === undefined) cache.set(index, (keys = new Map()));
  const sized = SIZE_COLUMNS.has(key);
  const cacheKey = sized ? `${key}@${index.version}` : key;
  const cached = keys.get(cacheKey);
  if (cached !== undefined) return cached;

  const computed = computeKeys(index, key);
  if (sized) for (const old of keys.keys()) if (old.startsWith(`${key}@`)) keys.delete(old);
  keys.set(cacheKey, computed);
  return computed;
}

/**
 * Takes an index, record ids in their unsorted order and a sort (null for none); returns the ids
 * sorted by the column, ascending or descending. Unknown values come last either way; ties go by
 * file name, ascending either way. With no sort, returns `ids` itself. O(n log n); never throws.
 */
export function sortRows(
  index: DatasetIndex,
  ids: Uint32Array,
  sort: TableSort | null,
): Uint32Array {
  if (sort === null) return ids;
  const keys = sortKeys(index, sort.key);
  const byName = sortKeys(index, 'file');
  const direction = sort.descending ? -1 : 1;

  let unknownCount = 0;
  for (const id of ids) if (Number.isNaN(keys[id] ?? NaN)) unknownCount++;
  const known = new Uint32Array(ids.length - unknownCount);
  const unknown = new Uint32Array(unknownCount);
  let k = 0;
  let u = 0;
  for (const id of ids) {
    if (Number.isNaN(keys[id] ?? NaN)) unknown[u++] = id;
    else known[k++] = id;
  }

  const tie = (a: number, b: number) => (byName[a] ?? 0) - (byName[b] ?? 0);
  known.sort((a, b) => direction * ((keys[a] ?? 0) - (keys[b] ?? 0)) || tie(a, b));
  unknown.sort(tie);
  const sorted = new Uint32Array(ids.length);
  sorted.set(known);
  sorted.set(unknown, known.length);
  return sorted;
}

function computeKeys(index: DatasetIndex, key: TableColumnKey): Float64Array {
  const n = index.records.length;
  const keys = new Float64Array(n);
  if (isFacetColumn(key)) {
    const { values, codes } = index.facets[key];
    const rank = ranks(values);
    for (let id = 0; id < n; id++) {
      const code = codes[id] ?? NONE;
      keys[id] = code === NONE ? NaN : (rank[code] ?? NaN);
    }
    return keys;
  }
  switch (key) {
    case 'file':
      recordOrder(index, 'name').forEach((id, position) => (keys[id] = position));
      return keys;
    case 'patient':
      return labelKeys(index, (id) => index.records[id]?.patient ?? '');
    case 'csvFile':
      return labelKeys(index, (id) => index.records[id]?.csvFile ?? '');
    case 'frame':
      index.records.forEach((record, id) => {
        keys[id] = record.frame === null ? NaN : record.frame.k * 2 ** 20 + record.frame.n;
      });
      return keys;
    case 'csvLine':
      index.records.forEach((record, id) => (keys[id] = record.csvLine));
      return keys;
    case 'width':
    case 'height':
    case 'bytes': {
      const values = index[key];
      for (let id = 0; id < n; id++) keys[id] = (values[id] ?? 0) > 0 ? (values[id] ?? 0) : NaN;
      return keys;
    }
  }
}

/** Each label's position in natural order, by its position in `labels`. */
function ranks(labels: readonly string[]): Float64Array {
  const order = labels.map((_, code) => code);
  order.sort((a, b) => naturalCompare(labels[a] ?? '', labels[b] ?? ''));
  const rank = new Float64Array(labels.length);
  order.forEach((code, position) => (rank[code] = position));
  return rank;
}

/** Keys from a label per record: its rank among the distinct labels; an empty label is unknown. */
function labelKeys(index: DatasetIndex, label: (id: number) => string): Float64Array {
  const n = index.records.length;
  const distinct = new Map<string, number>();
  const codes = new Uint32Array(n);
  for (let id = 0; id < n; id++) {
    const text = label(id);
    let code = distinct.get(text);
    if (code === undefined) distinct.set(text, (code = distinct.size));
    codes[id] = code;
  }
  const labels = [...distinct.keys()];
  const rank = ranks(labels);
  const keys = new Float64Array(n);
  for (let id = 0; id < n; id++) {
    const code = codes[id] ?? 0;
    keys[id] = labels[code] === '' ? NaN : (rank[code] ?? NaN);
  }
  return keys;
}
