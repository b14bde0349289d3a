// Times the table view's sorts on the real rows of both datasets (12,851 images), sizes known.
// Run: npx tsx tests/bench/tableSort.ts

import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import { readDatasetCsv } from '../../src/core/csv.ts';
import { joinFolder } from '../../src/core/join.ts';
import { TABLE_COLUMNS } from '../../src/core/table.ts';
import { sortKeys, sortRows } from '../../src/core/tableSort.ts';
import { AFRICAN_CSV, FETAL_CSV } from '../unit/realCsv.ts';

const RUNS = 7;

const join = joinFolder(
  [],
  [
    readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV),
    readDatasetCsv('African_planes_database.csv', AFRICAN_CSV),
  ],
);
const index = buildIndex(join.records, () => true);
join.records.forEach((_, id) => setImageSize(index, id, 600 + ((id * 7919) % 400), 400, 1e5 + id));
const ids = Uint32Array.from(join.records.keys());

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

console.log(`${ids.length} rows`);
console.log('column         keys (first)   sort asc   sort desc   (median of 7, ms)');
for (const { key } of TABLE_COLUMNS) {
  let started = performance.now();
  sortKeys(index, key);
  const keys = performance.now() - started;
  const times = (descending: boolean) =>
    Array.from({ length: RUNS }, () => {
      started = performance.now();
      sortRows(index, ids, { key, descending });
      return performance.now() - started;
    });
  const row = [keys, median(times(false)), median(times(true))].map((t) =>
    t.toFixed(1).padStart(10),
  );
  console.log(`${key.padEnd(12)} ${row.join('  ')}`);
}
