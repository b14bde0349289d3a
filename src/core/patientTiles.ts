// One grid tile per patient and plane: FETAL_PLANES_DB holds up to 71 frames of one view.

import type { DatasetIndex } from './datasetIndex.ts';

/** The tiles of a selection folded by patient and plane. */
export interface PatientTiles {
  /** Per tile, the record shown: the patient's earliest frame of that plane in the selection. */
  readonly ids: Uint32Array;
  /** Per tile, how many images of that patient and plane the selection holds. */
  readonly frames: Uint32Array;
}

/**
 * Takes an index and a selection in display order; returns one tile per (patient, plane) in the
 * order each pair first appears, showing its lowest frame K (the first record for images without
 * a frame number) and counting its images. O(n) plus a map over the pairs. Never throws.
 */
export function tilesPerPatientPlane(index: DatasetIndex, ordered: Uint32Array): PatientTiles {
  const planes = index.facets.plane;
  const width = planes.values.length + 1;
  const tileOf = new Map<number, number>();
  const shown: number[] = [];
  const counts: number[] = [];

  for (const id of ordered) {
    const plane = planes.codes[id] ?? 0;
    const key = (index.patients.codes[id] ?? 0) * width + Math.min(plane, width - 1);
    const tile = tileOf.get(key);
    if (tile === undefined) {
      tileOf.set(key, shown.length);
      shown.push(id);
      counts.push(1);
      continue;
    }
    counts[tile] = (counts[tile] ?? 0) + 1;
    const current = shown[tile] ?? id;
    if (frameOf(index, id) < frameOf(index, current)) shown[tile] = id;
  }
  return { ids: Uint32Array.from(shown), frames: Uint32Array.from(counts) };
}

function frameOf(index: DatasetIndex, id: number): number {
  return index.records[id]?.frame?.k ?? Number.POSITIVE_INFINITY;
}
