import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import { recordOrder, sortSelection } from '../../src/core/order.ts';
import { africanRecord, fetalRecord } from './records.ts';

const records = [
  fetalRecord({ name: 'Patient00010_Plane1_1_of_1', patient: '10', plane: 'Other', split: 'Test' }),
  fetalRecord({
    name: 'Patient00002_Plane3_1_of_1',
    patient: '2',
    plane: 'Fetal brain',
    split: 'Train',
  }),
  africanRecord({ name: 'patient003_EGY_plane0', patient: 'Egypt/3', split: 'Test' }),
  fetalRecord({
    name: 'Patient00002_Plane3_2_of_2',
    patient: '2',
    plane: 'Fetal brain',
    split: 'Test',
  }),
];
const index = buildIndex(records, () => true);
const names = (ids: Uint32Array) => [...ids].map((id) => records[id]?.name);

describe('recordOrder', () => {
  it('orders by file name, ignoring case and reading numbers as numbers', () => {
    expect(names(recordOrder(index, 'name'))).toEqual([
      'Patient00002_Plane3_1_of_1',
      'Patient00002_Plane3_2_of_2',
      'patient003_EGY_plane0',
      'Patient00010_Plane1_1_of_1',
    ]);
  });

  it('orders by patient, FETAL_PLANES_DB before African, ties by name', () => {
    expect(names(recordOrder(index, 'patient'))).toEqual([
      'Patient00002_Plane3_1_of_1',
      'Patient00002_Plane3_2_of_2',
      'Patient00010_Plane1_1_of_1',
      'patient003_EGY_plane0',
    ]);
  });

  it('orders by split, Train first', () => {
    expect(names(recordOrder(index, 'split'))[0]).toBe('Patient00002_Plane3_1_of_1');
  });

  it('orders by size as sizes become known, unknown sizes last', () => {
    const sized = buildIndex(records, () => true);
    setImageSize(sized, 3, 800, 600, 1);
    setImageSize(sized, 0, 400, 300, 1);
    expect(names(recordOrder(sized, 'size')).slice(0, 2)).toEqual([
      'Patient00010_Plane1_1_of_1',
      'Patient00002_Plane3_2_of_2',
    ]);
    setImageSize(sized, 1, 100, 100, 1);
    expect(names(recordOrder(sized, 'size'))[0]).toBe('Patient00002_Plane3_1_of_1');
  });
});

describe('sortSelection', () => {
  it('keeps only the selected ids, in the order asked, ascending or descending', () => {
    const selection = Uint32Array.from([0, 2, 3]);
    expect(names(sortSelection(index, selection, 'name'))).toEqual([
      'Patient00002_Plane3_2_of_2',
      'patient003_EGY_plane0',
      'Patient00010_Plane1_1_of_1',
    ]);
    expect(names(sortSelection(index, selection, 'name', true))).toEqual([
      'Patient00010_Plane1_1_of_1',
      'patient003_EGY_plane0',
      'Patient00002_Plane3_2_of_2',
    ]);
  });

  it('returns an empty selection for an empty selection', () => {
    expect(sortSelection(index, new Uint32Array(0), 'plane')).toHaveLength(0);
  });
});
