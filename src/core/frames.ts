// The frames of one patient and plane: FETAL_PLANES_DB names each image `..._K_of_N`, K of the N
// frames taken of that view.

import type { DatasetIndex } from './datasetIndex.ts';

/** Per index, the frame group of each record: the ids of its group, ordered by K. */
const groups = new WeakMap<DatasetIndex, readonly (readonly number[])[]>();

const NO_FRAMES: readonly number[] = [];

/**
 * Takes an index and a record id; returns the ids of every record of the same dataset, patient
 * and plane that has a frame number (the record itself included), ordered by K then by id.
 * Empty for a record without a frame (African planes) or an id outside the index. The groups
 * are built once per index in O(n log n); each call after is O(1).
 */
export function framesOf(index: DatasetIndex, id: number): readonly number[] {
  let byRecord = groups.get(index);
  if (byRecord === undefined) groups.set(index, (byRecord = buildGroups(index)));
  return byRecord[id] ?? NO_FRAMES;
}

function buildGroups(index: DatasetIndex): readonly (readonly number[])[] {
  const members = new Map<string, number[]>();
  index.records.forEach((record, id) => {
    if (record.frame === null) return;
    // The patient code already tells the datasets apart.
    const key = `${index.patients.codes[id] ?? 0}\0${record.plane}`;
    const group = members.get(key);
    if (group === undefined) members.set(key, [id]);
    else group.push(id);
  });

  const byRecord: (readonly number[])[] = Array.from(index.records, () => NO_FRAMES);
  const k = (id: number) => index.records[id]?.frame?.k ?? 0;
  for (const group of members.values()) {
    group.sort((a, b) => k(a) - k(b) || a - b);
    for (const id of group) byRecord[id] = group;
  }
  return byRecord;
}
