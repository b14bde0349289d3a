import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import { sortKeys, sortRows, tableSortOf } from '../../src/core/tableSort.ts';
import { africanRecord, fetalRecord } from './records.ts';

const records = [
  fetalRecord({ name: 'Patient00010_Plane1_1_of_1', patient: '10', operator: 'Op. 10' }),
  fetalRecord({
    name: 'Patient00002_Plane3_2_of_3',
    patient: '2',
    operator: 'Op. 2',
    frame: { k: 2, n: 3 },
  }),
  africanRecord({ name: 'patient003_EGY_plane0', patient: 'Egypt/3' }),
  fetalRecord({
    name: 'Patient00002_Plane3_1_of_3',
    patient: '2',
    operator: 'Op. 2',
    frame: { k: 1, n: 3 },
  }),
];
const all = Uint32Array.from([0, 1, 2, 3]);
const names = (ids: Uint32Array) => [...ids].map((id) => records[id]?.name);

describe('sortRows', () => {
  it('returns the ids as given when there is no sort', () => {
    expect(
      sortRows(
        buildIndex(records, () => true),
        all,
        null,
      ),
    ).toBe(all);
  });

  it('orders labels naturally, unknown values last, ties by file name', () => {
    const index = buildIndex(records, () => true);
    const ascending = sortRows(index, all, { key: 'operator', descending: false });
    expect(names(ascending)).toEqual([
      'Patient00002_Plane3_1_of_3',
      'Patient00002_Plane3_2_of_3',
      'Patient00010_Plane1_1_of_1',
      'patient003_EGY_plane0',
    ]);
    const descending = sortRows(index, all, { key: 'operator', descending: true });
    expect(names(descending)).toEqual([
      'Patient00010_Plane1_1_of_1',
      'Patient00002_Plane3_1_of_3',
      'Patient00002_Plane3_2_of_3',
      'patient003_EGY_plane0',
    ]);
  });

  it('orders file names as the grid does, and frames by K, then N', () => {
    const index = buildIndex(records, () => true);
    expect(names(sortRows(index, all, { key: 'file', descending: true }))).toEqual([
      'Patient00010_Plane1_1_of_1',
      'patient003_EGY_plane0',
      'Patient00002_Plane3_2_of_3',
      'Patient00002_Plane3_1_of_3',
    ]);
    expect(names(sortRows(index, all, { key: 'frame', descending: false }))).toEqual([
      'Patient00010_Plane1_1_of_1',
      'Patient00002_Plane3_1_of_3',
      'Patient00002_Plane3_2_of_3',
      'patient003_EGY_plane0',
    ]);
  });

  it('keeps only the ids it is given', () => {
    const index = buildIndex(records, () => true);
    const some = Uint32Array.from([2, 0]);
    expect(names(sortRows(index, some, { key: 'patient', descending: false }))).toEqual([
      'Patient00010_Plane1_1_of_1',
      'patient003_EGY_plane0',
    ]);
  });

  it('follows sizes read after a first sort', () => {
    const index = buildIndex(records, () => true);
    setImageSize(index, 2, 800, 600, 1);
    expect(names(sortRows(index, all, { key: 'width', descending: false }))[0]).toBe(
      'patient003_EGY_plane0',
    );
    setImageSize(index, 1, 640, 480, 1);
    setImageSize(index, 0, 1024, 768, 1);
    expect(names(sortRows(index, all, { key: 'width', descending: true }))).toEqual([
      'Patient00010_Plane1_1_of_1',
      'patient003_EGY_plane0',
      'Patient00002_Plane3_2_of_3',
      'Patient00002_Plane3_1_of_3',
    ]);
  });

  it('sorts 12,400 rows by a size, each not narrower than the one before', () => {
    const many = Array.from({ length: 12_400 }, (_, i) =>
      fetalRecord({ name: `Patient${String(i).padStart(5, '0')}_Plane1_1_of_1`, patient: `${i}` }),
    );
    const index = buildIndex(many, () => true);
    many.forEach((_, id) => setImageSize(index, id, 600 + ((id * 7919) % 400), 400, 1000 + id));
    const ids = Uint32Array.from(many.keys());
    // Timings: tests/bench/tableSort.ts.
    const sorted = sortRows(index, ids, { key: 'width', descending: false });
    const widths = Array.from(sorted, (id) => index.width[id] ?? 0);
    expect(new Set(sorted).size).toBe(12_400);
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
  });
});

describe('sortKeys', () => {
  it('is cached per index, and per version for sizes', () => {
    const index = buildIndex(records, () => true);
    expect(sortKeys(index, 'plane')).toBe(sortKeys(index, 'plane'));
    const before = sortKeys(index, 'bytes');
    expect(Number.isNaN(before[0])).toBe(true);
    setImageSize(index, 0, 0, 0, 2000);
    expect(sortKeys(index, 'bytes')[0]).toBe(2000);
  });
});

describe('tableSortOf', () => {
  it('takes the first sort on a known column', () => {
    expect(tableSortOf([])).toBeNull();
    expect(tableSortOf([{ id: 'nope', desc: false }])).toBeNull();
    expect(tableSortOf([{ id: 'bytes', desc: true }])).toEqual({ key: 'bytes', descending: true });
  });
});
