import { buildIndex } from '../../src/core/datasetIndex.ts';
import { framesOf } from '../../src/core/frames.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { africanRecord, fetalRecord } from './records.ts';

function frame(patient: string, planeN: number, plane: string, k: number, n: number) {
  return fetalRecord({
    name: `Patient${patient.padStart(5, '0')}_Plane${planeN}_${k}_of_${n}`,
    patient,
    plane,
    frame: { k, n },
  });
}

describe('framesOf', () => {
  const records: ImageRecord[] = [
    frame('216', 3, 'Fetal brain', 3, 5), // 0
    frame('216', 3, 'Fetal brain', 1, 5), // 1
    frame('216', 2, 'Fetal abdomen', 1, 1), // 2: same patient, another plane
    frame('25', 3, 'Fetal brain', 2, 5), // 3: another patient, same plane
    frame('216', 3, 'Fetal brain', 5, 5), // 4
    africanRecord({ patient: 'Egypt/1' }), // 5
    africanRecord({ name: 'patient001_EGY_plane1', plane: 'Fetal brain', patient: 'Egypt/1' }),
  ];
  const index = buildIndex(records, () => true);

  it("lists a record's patient and plane by frame number, itself included", () => {
    expect(framesOf(index, 0)).toEqual([1, 0, 4]);
    expect(framesOf(index, 4)).toEqual([1, 0, 4]);
  });

  it('keeps planes and patients apart', () => {
    expect(framesOf(index, 2)).toEqual([2]);
    expect(framesOf(index, 3)).toEqual([3]);
  });

  it('is empty for a record without frames and for an id outside the index', () => {
    expect(framesOf(index, 5)).toEqual([]);
    expect(framesOf(index, 99)).toEqual([]);
  });

  it('answers every record of a group with the same list', () => {
    expect(framesOf(index, 1)).toBe(framesOf(index, 0));
  });
});
