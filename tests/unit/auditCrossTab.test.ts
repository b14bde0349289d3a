import { crossTab } from '../../src/core/audit/crossTab.ts';
import { readDatasetCsv } from '../../src/core/csv.ts';
import { buildIndex } from '../../src/core/datasetIndex.ts';
import { joinFolder } from '../../src/core/join.ts';
import { AFRICAN_CSV, FETAL_CSV, plainRows } from './realCsv.ts';
import { africanRecord, fetalRecord } from './records.ts';

describe('crossTab', () => {
  const records = [
    fetalRecord({ plane: 'Other', machine: 'Aloka', split: 'Test' }), // 0
    fetalRecord({ plane: 'Fetal femur', machine: 'Aloka' }), // 1
    fetalRecord({ plane: 'Fetal femur', machine: 'Voluson S10', split: 'Test' }), // 2
    fetalRecord({ plane: 'Fetal femur', machine: 'Voluson S10', split: 'Test' }), // 3
    fetalRecord({ plane: 'Fetal abdomen', machine: 'Voluson S10', split: 'Test' }), // 4
    africanRecord({ plane: 'Fetal abdomen' }), // 5: no machine
  ];
  const index = buildIndex(records, () => true);

  it('counts every image per pair of values, in display order', () => {
    const table = crossTab(index, 'plane', 'split');
    expect(table.rows).toEqual(['Fetal abdomen', 'Fetal femur', 'Other']);
    expect(table.columns).toEqual(['Train', 'Test']);
    expect([...table.counts]).toEqual([1, 1, 1, 2, 0, 1]);
    expect([...table.rowTotals]).toEqual([2, 3, 1]);
    expect([...table.columnTotals]).toEqual([2, 4]);
    expect([...table.rowShares]).toEqual([1 / 2, 1 / 2, 1 / 3, 2 / 3, 0, 1]);
    expect(table.total).toBe(6);
    expect(table.unvalued).toBe(0);
  });

  it('leaves out images with no value in a field, and counts them', () => {
    const table = crossTab(index, 'machine', 'dataset');
    expect(table.rows).toEqual(['Aloka', 'Voluson S10']);
    expect(table.columns).toEqual(['FETAL_PLANES_DB']);
    expect([...table.counts]).toEqual([2, 3]);
    expect(table.total).toBe(5);
    expect(table.unvalued).toBe(1);
  });

  it('counts a selection only, listing the values it holds', () => {
    const table = crossTab(index, 'machine', 'split', Uint32Array.of(1, 2, 5, 99));
    expect(table.rows).toEqual(['Aloka', 'Voluson S10']);
    expect([...table.counts]).toEqual([1, 0, 0, 1]);
    expect([...table.rowShares]).toEqual([1, 0, 0, 1]);
    expect(table.total).toBe(2);
    expect(table.unvalued).toBe(1);
  });

  it('gives a diagonal for one field on both sides', () => {
    const table = crossTab(index, 'split', 'split');
    expect([...table.counts]).toEqual([2, 0, 0, 4]);
  });

  it('is empty for an empty selection', () => {
    const table = crossTab(index, 'plane', 'machine', new Uint32Array(0));
    expect(table.rows).toEqual([]);
    expect(table.columns).toEqual([]);
    expect(table.counts.length).toBe(0);
    expect(table.total).toBe(0);
  });
});

describe('crossTab on the published CSVs', () => {
  const csvs = [
    readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV),
    readDatasetCsv('African_planes_database.csv', AFRICAN_CSV),
  ];
  const index = buildIndex(joinFolder([], csvs).records, () => false);
  const fetal = plainRows(FETAL_CSV, ';');
  const column = (name: string) => (fetal[0] ?? []).indexOf(name);

  it('shows machine × split as counting the raw FETAL_PLANES_DB lines does', () => {
    const machine = column('US_Machine');
    const train = column('Train');
    let s10Train = 0;
    let s10Test = 0;
    for (const row of fetal.slice(1)) {
      if (row[machine] !== 'Voluson S10') continue;
      if (row[train] === '1') s10Train++;
      else if (row[train] === '0') s10Test++;
    }

    const table = crossTab(index, 'machine', 'split');
    const r = table.rows.indexOf('Voluson S10');
    const width = table.columns.length;
    expect(table.columns).toEqual(['Train', 'Test']);
    expect(table.counts[r * width]).toBe(s10Train);
    expect(table.counts[r * width + 1]).toBe(s10Test);
    expect(table.rowTotals[r]).toBe(s10Train + s10Test);
    expect(table.rowShares[r * width + 1]).toBeCloseTo(s10Test / (s10Train + s10Test), 12);
    // Nearly all Voluson S10 images are in the test split.
    expect(s10Test / (s10Train + s10Test)).toBeGreaterThan(0.95);
    // African images have no machine.
    expect(table.unvalued).toBe(plainRows(AFRICAN_CSV, ',').length - 1);
    expect(table.total).toBe(fetal.length - 1);
  });

  it('counts every machine and split pair as the raw lines do', () => {
    const machine = column('US_Machine');
    const train = column('Train');
    const plain = new Map<string, number>();
    for (const row of fetal.slice(1)) {
      const key = `${row[machine]}|${row[train] === '1' ? 'Train' : 'Test'}`;
      plain.set(key, (plain.get(key) ?? 0) + 1);
    }

    const table = crossTab(index, 'machine', 'split');
    const cells = new Map<string, number>();
    table.rows.forEach((row, r) =>
      table.columns.forEach((split, c) => {
        const count = table.counts[r * table.columns.length + c] ?? 0;
        if (count > 0) cells.set(`${row}|${split}`, count);
      }),
    );
    expect(cells).toEqual(plain);
  });
});
