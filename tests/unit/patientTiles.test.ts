import { buildIndex } from '../../src/core/datasetIndex.ts';
import { tilesPerPatientPlane } from '../../src/core/patientTiles.ts';
import { africanRecord, fetalRecord } from './records.ts';

const frame = (patient: string, plane: string, k: number, n: number) =>
  fetalRecord({
    name: `Patient${patient.padStart(5, '0')}_Plane${plane === 'Fetal brain' ? 3 : 1}_${k}_of_${n}`,
    patient,
    plane,
    frame: { k, n },
  });

describe('tilesPerPatientPlane', () => {
  const records = [
    frame('1', 'Other', 2, 3), // 0
    frame('1', 'Other', 1, 3), // 1
    frame('1', 'Fetal brain', 1, 2), // 2
    frame('2', 'Other', 1, 1), // 3
    frame('1', 'Other', 3, 3), // 4
    africanRecord({ patient: 'Egypt/1' }), // 5
    africanRecord({ name: 'patient001_EGY_plane2', plane: 'Fetal femur', patient: 'Egypt/1' }), // 6
  ];
  const index = buildIndex(records, () => true);

  it('folds a patient and plane into one tile showing its lowest frame, with the frame count', () => {
    const tiles = tilesPerPatientPlane(index, Uint32Array.from([0, 1, 2, 3, 4, 5, 6]));
    expect([...tiles.ids]).toEqual([1, 2, 3, 5, 6]);
    expect([...tiles.frames]).toEqual([3, 1, 1, 1, 1]);
  });

  it('keeps the order in which each pair first appears, and counts only selected frames', () => {
    const tiles = tilesPerPatientPlane(index, Uint32Array.from([4, 3, 0]));
    expect([...tiles.ids]).toEqual([0, 3]);
    expect([...tiles.frames]).toEqual([2, 1]);
  });

  it('returns no tile for an empty selection', () => {
    expect(tilesPerPatientPlane(index, new Uint32Array(0)).ids).toHaveLength(0);
  });
});
