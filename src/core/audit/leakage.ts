// Patient leakage: a patient whose images sit in more than one split lets a model see at training
// time the very patient it is tested on.

import { NONE, type DatasetIndex } from '../datasetIndex.ts';
import type { DatasetId } from '../types.ts';

/** The images of one patient in one split. */
export interface SplitImages {
  /** The split as the user sees it (`Train`, `Test`, or a raw value). */
  readonly split: string;
  /** Record ids, in index order. */
  readonly ids: readonly number[];
}

/** A patient with images in more than one split. */
export interface LeakedPatient {
  readonly dataset: DatasetId;
  /** As the dataset keys it: Patient_num for FETAL_PLANES_DB, `<Country>/<number>` for African. */
  readonly patient: string;
  /** One entry per split the patient is in, in the split facet's display order (Train, Test, …). */
  readonly splits: readonly SplitImages[];
  /** The images in the patient's smallest split: what would have to move to mend the leak. */
  readonly minority: number;
  /** All the patient's images with a split. */
  readonly images: number;
}

/**
 * Takes an index; returns every patient (keyed per dataset, see patientKey) whose images are in
 * two or more splits, with their record ids per split. Records without a split value take no
 * part. Ordered by `minority` descending (the patient with the most images in their smallest
 * split first), then by `images` descending, then in the index's patient order (dataset, then
 * natural order of the key). O(n + patients); never throws.
 */
export function findLeakage(index: DatasetIndex): LeakedPatient[] {
  const { records } = index;
  const patientCodes = index.patients.codes;
  const splitCodes = index.facets.split.codes;
  const splitLabels = index.facets.split.values;

  // Record ids chained by patient, in index order: first[p], then next[id], until -1.
  const patients = index.patients.values.length;
  const first = new Int32Array(patients).fill(-1);
  const next = new Int32Array(records.length).fill(-1);
  for (let id = records.length - 1; id >= 0; id--) {
    const p = patientCodes[id] ?? 0;
    next[id] = first[p] ?? -1;
    first[p] = id;
  }

  const leaked: LeakedPatient[] = [];
  const bySplit = new Map<number, number[]>();
  for (let p = 0; p < patients; p++) {
    bySplit.clear();
    for (let id = first[p] ?? -1; id >= 0; id = next[id] ?? -1) {
      const split = splitCodes[id] ?? NONE;
      if (split === NONE) continue;
      const ids = bySplit.get(split);
      if (ids === undefined) bySplit.set(split, [id]);
      else ids.push(id);
    }
    if (bySplit.size < 2) continue;

    const splits = [...bySplit]
      .sort(([a], [b]) => a - b)
      .map(([code, ids]) => ({ split: splitLabels[code] ?? '', ids }));
    const sizes = splits.map((entry) => entry.ids.length);
    const head = records[first[p] ?? 0];
    if (head === undefined) continue;
    leaked.push({
      dataset: head.dataset,
      patient: head.patient,
      splits,
      minority: Math.min(...sizes),
      images: sizes.reduce((sum, size) => sum + size, 0),
    });
  }

  // Pushed in patient order, and the sort is stable: ties keep it.
  return leaked.sort((a, b) => b.minority - a.minority || b.images - a.images);
}
