import { findLeakage } from '../../src/core/audit/leakage.ts';
import { readDatasetCsv } from '../../src/core/csv.ts';
import { buildIndex } from '../../src/core/datasetIndex.ts';
import { joinFolder } from '../../src/core/join.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { AFRICAN_CSV, FETAL_CSV, plainRows } from './realCsv.ts';
import { africanRecord, fetalRecord } from './records.ts';

const fetal = (patient: string, split: string) => fetalRecord({ patient, split });
const african = (country: string, patient: number, split: string) =>
  africanRecord({ country, patient: `${country}/${patient}`, split });

describe('findLeakage', () => {
  const records = [
    fetal('1', 'Train'), // 0
    fetal('2', 'Test'), // 1
    fetal('1', 'Train'), // 2
    fetal('2', 'Train'), // 3
    fetal('1', 'Test'), // 4
    fetal('2', 'Test'), // 5
    fetal('1', 'Train'), // 6
    fetal('2', 'Train'), // 7
    fetal('3', 'Train'), // 8
    fetal('3', ''), // 9: no split, so patient 3 is in one split only
    fetal('4', '2'), // 10: a raw split value counts as a split of its own
    fetal('4', 'Train'), // 11
    african('Egypt', 1, 'Test'), // 12
    african('Egypt', 1, 'Train'), // 13
    african('Ghana', 1, 'Test'), // 14: number 1 again, but another country's patient
    african('Ghana', 2, 'Train'), // 15
  ];
  const leaked = findLeakage(buildIndex(records, () => true));

  it('lists each patient in two or more splits with their ids per split', () => {
    expect(leaked).toEqual([
      {
        dataset: 'fetal',
        patient: '2',
        splits: [
          { split: 'Train', ids: [3, 7] },
          { split: 'Test', ids: [1, 5] },
        ],
        minority: 2,
        images: 4,
      },
      {
        dataset: 'fetal',
        patient: '1',
        splits: [
          { split: 'Train', ids: [0, 2, 6] },
          { split: 'Test', ids: [4] },
        ],
        minority: 1,
        images: 4,
      },
      {
        dataset: 'fetal',
        patient: '4',
        splits: [
          { split: 'Train', ids: [11] },
          { split: '2', ids: [10] },
        ],
        minority: 1,
        images: 2,
      },
      {
        dataset: 'african',
        patient: 'Egypt/1',
        splits: [
          { split: 'Train', ids: [13] },
          { split: 'Test', ids: [12] },
        ],
        minority: 1,
        images: 2,
      },
    ]);
  });

  it('keys African patients by country and number', () => {
    const keys = leaked.map((patient) => patient.patient);
    expect(keys).not.toContain('Ghana/1');
    expect(keys).not.toContain('Ghana/2');
  });

  it('finds nothing when every patient is in one split', () => {
    const clean = [fetal('1', 'Train'), fetal('1', 'Train'), fetal('2', 'Test')];
    expect(findLeakage(buildIndex(clean, () => true))).toEqual([]);
  });
});

describe('findLeakage on the published CSVs', () => {
  const csvs = [
    readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV),
    readDatasetCsv('African_planes_database.csv', AFRICAN_CSV),
  ];
  const records = joinFolder([], csvs).records;

  /** Patients in more than one split, counted from the raw lines. */
  function plainLeaks(text: string, delimiter: string, key: (row: string[]) => string): number {
    const rows = plainRows(text, delimiter);
    const train = (rows[0] ?? []).indexOf('Train');
    const splits = new Map<string, Set<string>>();
    for (const row of rows.slice(1)) {
      const set = splits.get(key(row)) ?? new Set<string>();
      set.add(row[train] ?? '');
      splits.set(key(row), set);
    }
    return [...splits.values()].filter((set) => set.size > 1).length;
  }

  it('finds no patient in both splits, as counting the raw lines shows', () => {
    // FETAL_PLANES_DB: Patient_num is column 1; African: Center (3) and Patient_num (0).
    expect(plainLeaks(FETAL_CSV, ';', (row) => row[1] ?? '')).toBe(0);
    expect(plainLeaks(AFRICAN_CSV, ',', (row) => `${row[3]}/${row[0]}`)).toBe(0);
    expect(findLeakage(buildIndex(records, () => false))).toEqual([]);
  });

  it('finds a patient once one of their images moves to the other split', () => {
    const counts = new Map<string, number>();
    for (const record of records) {
      if (record.dataset === 'fetal') {
        counts.set(record.patient, (counts.get(record.patient) ?? 0) + 1);
      }
    }
    const patient = [...counts].find(([, images]) => images > 1)?.[0] ?? '';
    const ids = records.flatMap((record, id) =>
      record.dataset === 'fetal' && record.patient === patient ? [id] : [],
    );
    const moved = ids[0] ?? 0;
    const original = records[moved]?.split ?? '';
    const other = original === 'Train' ? 'Test' : 'Train';
    const changed: ImageRecord[] = records.map((record, id) =>
      id === moved ? { ...record, split: other } : record,
    );

    const leaked = findLeakage(buildIndex(changed, () => false));
    const byLabel = new Map([
      [original, ids.slice(1)],
      [other, [moved]],
    ]);
    expect(leaked).toEqual([
      {
        dataset: 'fetal',
        patient,
        splits: ['Train', 'Test'].map((split) => ({ split, ids: byLabel.get(split) })),
        minority: 1,
        images: ids.length,
      },
    ]);
  });
});
