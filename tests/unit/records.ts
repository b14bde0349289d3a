// Builds ImageRecord objects for tests, with the defaults of a FETAL_PLANES_DB row.

import type { ImageRecord } from '../../src/core/types.ts';

/** A FETAL_PLANES_DB record of patient 1, plane Other, train split, unless overridden. */
export function fetalRecord(overrides: Partial<ImageRecord> = {}): ImageRecord {
  const patient = overrides.patient ?? '1';
  const name = overrides.name ?? `Patient${patient.padStart(5, '0')}_Plane1_1_of_1`;
  return {
    dataset: 'fetal',
    name,
    path: `Images/${name}.png`,
    plane: 'Other',
    brainPlane: 'Not A Brain',
    operator: 'Op. 1',
    machine: 'Voluson E6',
    country: 'Spain',
    patient,
    split: 'Train',
    frame: { k: 1, n: 1 },
    csvFile: 'FETAL_PLANES_DB_data.csv',
    csvLine: 2,
    ...overrides,
  };
}

/** An African planes record of Egypt patient 1, plane Fetal abdomen, train split. */
export function africanRecord(overrides: Partial<ImageRecord> = {}): ImageRecord {
  const country = overrides.country ?? 'Egypt';
  const name = overrides.name ?? 'patient001_EGY_plane0';
  return {
    dataset: 'african',
    name,
    path: `${country}/${name}.png`,
    plane: 'Fetal abdomen',
    brainPlane: null,
    operator: null,
    machine: null,
    country,
    patient: `${country}/1`,
    split: 'Train',
    frame: null,
    csvFile: 'African_planes_database.csv',
    csvLine: 2,
    ...overrides,
  };
}

/** A FETAL_PLANES_DB image of `patient`, frame `k` of 4, with a file name of its own. */
export function fetalFrame(
  patient: string,
  k: number,
  overrides: Partial<ImageRecord> = {},
): ImageRecord {
  return fetalRecord({
    patient,
    name: `Patient${patient.padStart(5, '0')}_Plane1_${k}_of_4`,
    frame: { k, n: 4 },
    ...overrides,
  });
}
