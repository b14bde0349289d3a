// The orders the grid can show a selection in.

import { naturalCompare, type DatasetIndex } from './datasetIndex.ts';

/** The keys the grid sorts by. */
export type SortKey = 'name' | 'patient' | 'plane' | 'split' | 'size';

/** Each sort key as the user sees it, in menu order. */
export const SORT_KEYS: readonly { readonly key: SortKey; readonly label: string }[] = [
  { key: 'name', label: 'File name' },
  { key: 'patient', label: 'Patient' },
  { key: 'plane', label: 'Plane' },
  { key: 'split', label: 'Split' },
  { key: 'size', label: 'Size' },
];

/** The record ids of an index in one sort order, cached per index and key. */
const orders = new WeakMap<DatasetIndex, Map<string, Uint32Array>>();

/**
 * Takes an index and a sort key; returns every record id in that order (ties by file name, then
 * CSV order). The order by size depends on the sizes known so far, so it is cached per
 * `index.version`. O(n log n) once per key, then O(1).
 */
export function recordOrder(index: DatasetIndex, key: SortKey): Uint32Array {
  let cache = orders.get(index);
  if (cache === undefined) orders.set(index, (cache = new Map()));
  const cacheKey = key === 'size' ? `size@${index.version}` : key;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;

  const names = index.records.map((record) => record.path.slice(record.path.lastIndexOf('/') + 1));
  const byName = (a: number, b: number) => naturalCompare(names[a] ?? '', names[b] ?? '') || a - b;
  const primary = primaryCompare(index, key);
  const ids = Uint32Array.from(index.records.keys()).sort((a, b) => primary(a, b) || byName(a, b));
  if (key === 'size')
    for (const old of cache.keys()) if (old.startsWith('size@')) cache.delete(old);
  cache.set(cacheKey, ids);
  return ids;
}

/**
 * Takes an index, a selection of its ids and a sort key; returns the selection in that order,
 * descending when asked. O(n) over the index once the order is cached. Never throws.
 */
export function sortSelection(
  index: DatasetIndex,
  selection: Uint32Array,
  key: SortKey,
  descending = false,
): Uint32Array {
  const member = new Uint8Array(index.records.length);
  for (const id of selection) member[id] = 1;
  const order = recordOrder(index, key);
  const sorted = new Uint32Array(selection.length);
  let at = descending ? selection.length - 1 : 0;
  const step = descending ? -1 : 1;
  for (const id of order) {
    if (member[id] !== 1) continue;
    sorted[at] = id;
    at += step;
  }
  return sorted;
}

function primaryCompare(index: DatasetIndex, key: SortKey): (a: number, b: number) => number {
  switch (key) {
    case 'name':
      return () => 0;
    case 'patient': {
      // Patient codes are in natural patient order per dataset already.
      const codes = index.patients.codes;
      return (a, b) => (codes[a] ?? 0) - (codes[b] ?? 0);
    }
    case 'plane':
    case 'split': {
      const codes = index.facets[key].codes;
      return (a, b) => (codes[a] ?? 0) - (codes[b] ?? 0);
    }
    case 'size': {
      // By area, unknown sizes last; then width, so equal areas group by shape.
      const area = (id: number) => (index.width[id] ?? 0) * (index.height[id] ?? 0) || Infinity;
      return (a, b) => area(a) - area(b) || (index.width[a] ?? 0) - (index.width[b] ?? 0);
    }
  }
}

/**
 * Takes file paths and a count; returns the indexes of the `count` paths whose file names come
 * first in the grid's order by name (natural order of the name, ties by path), in that order.
 * O(n × count) comparisons at worst, O(n) in practice: a partial selection, because the guess of
 * a first screen is made before the index exists and a full sort of a large folder costs more
 * than the screen it would speed up.
 */
export function firstByName(paths: readonly string[], count: number): number[] {
  const names = paths.map((path) => path.slice(path.lastIndexOf('/') + 1));
  const before = (a: number, b: number) =>
    naturalCompare(names[a] ?? '', names[b] ?? '') ||
    naturalCompare(paths[a] ?? '', paths[b] ?? '');
  const best: number[] = [];
  if (count <= 0) return best;
  for (let at = 0; at < paths.length; at++) {
    const last = best.at(-1);
    if (best.length === count && last !== undefined && before(at, last) >= 0) continue;
    let slot = best.length;
    while (slot > 0 && before(at, best[slot - 1] ?? 0) < 0) slot--;
    best.splice(slot, 0, at);
    if (best.length > count) best.pop();
  }
  return best;
}
