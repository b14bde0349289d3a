import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import {
  cellText,
  isRowKey,
  moveRow,
  NO_VALUE,
  TABLE_COLUMNS,
  type TableColumnKey,
} from '../../src/core/table.ts';
import { africanRecord, fetalRecord } from './records.ts';

const fetal = fetalRecord({
  name: 'Patient01234_Plane3_2_of_5',
  patient: '1234',
  plane: 'Fetal brain',
  brainPlane: 'Trans-thalamic',
  operator: 'Op. 3',
  machine: 'Voluson S10',
  split: 'Test',
  frame: { k: 2, n: 5 },
  csvLine: 918,
});
const african = africanRecord({ name: 'patient007_EGY_plane1', patient: 'Egypt/7', csvLine: 12 });

function row(index: ReturnType<typeof buildIndex>, id: number) {
  return Object.fromEntries(TABLE_COLUMNS.map(({ key }) => [key, cellText(index, id, key)]));
}

describe('TABLE_COLUMNS', () => {
  it('lists every field once, the file name first', () => {
    const keys = TABLE_COLUMNS.map((column) => column.key);
    expect(keys[0]).toBe('file');
    expect(new Set(keys).size).toBe(15);
  });
});

describe('cellText', () => {
  it('writes every field of a FETAL_PLANES_DB image, sizes unknown until read', () => {
    const index = buildIndex([fetal], () => true);
    expect(row(index, 0)).toEqual({
      file: 'Patient01234_Plane3_2_of_5.png',
      dataset: 'FETAL_PLANES_DB',
      plane: 'Fetal brain',
      brainPlane: 'Trans-thalamic',
      operator: 'Op. 3',
      machine: 'Voluson S10',
      country: 'Spain',
      patient: '1234',
      split: 'Test',
      frame: '2 of 5',
      width: NO_VALUE,
      height: NO_VALUE,
      bytes: NO_VALUE,
      csvFile: 'FETAL_PLANES_DB_data.csv',
      csvLine: '918',
    });
  });

  it('shows sizes as they are read: pixels as integers, bytes in kB', () => {
    const index = buildIndex([fetal], () => true);
    setImageSize(index, 0, 0, 0, 172_345);
    expect([cellText(index, 0, 'width'), cellText(index, 0, 'bytes')]).toEqual([
      NO_VALUE,
      '172.3 kB',
    ]);
    setImageSize(index, 0, 1024, 768, 172_345);
    expect([cellText(index, 0, 'width'), cellText(index, 0, 'height')]).toEqual(['1024', '768']);
  });

  it('writes a dash for the fields an African image has no value for', () => {
    const index = buildIndex([african], () => true);
    const absent: TableColumnKey[] = ['brainPlane', 'operator', 'machine', 'frame'];
    expect(absent.map((key) => cellText(index, 0, key))).toEqual(absent.map(() => NO_VALUE));
    expect(cellText(index, 0, 'patient')).toBe('Egypt/7');
    expect(cellText(index, 0, 'dataset')).toBe('African planes');
  });

  it('writes a dash for an id outside the index', () => {
    const index = buildIndex([african], () => true);
    expect(cellText(index, 5, 'file')).toBe(NO_VALUE);
  });
});

describe('moveRow', () => {
  it('moves one row, a page, or to either end, clamped to the rows', () => {
    expect(moveRow(3, 'ArrowDown', 10, 4)).toBe(4);
    expect(moveRow(0, 'ArrowUp', 10, 4)).toBe(0);
    expect(moveRow(8, 'PageDown', 10, 4)).toBe(9);
    expect(moveRow(5, 'PageUp', 10, 4)).toBe(1);
    expect(moveRow(5, 'Home', 10, 4)).toBe(0);
    expect(moveRow(5, 'End', 10, 4)).toBe(9);
  });

  it('handles only the keys that move between rows', () => {
    expect(['ArrowDown', 'End', 'ArrowLeft', 'Enter'].map(isRowKey)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
