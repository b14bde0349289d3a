// Node micro-benchmark: indexing the real FETAL_PLANES_DB CSV joined with a 12,400-name file
// list, beside its floor, a bare papaparse parse of the same text, measured in the same run.
// Run: npx tsx tests/bench/indexing.ts [--runs N]
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { readDatasetCsv } from '../../src/core/csv.ts';
import { buildIndex } from '../../src/core/datasetIndex.ts';
import { joinFolder } from '../../src/core/join.ts';
import type { FileMeta } from '../../src/core/types.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

const csvPath = new URL('../fixtures/FETAL_PLANES_DB_data.csv', import.meta.url);
const text = readFileSync(csvPath, 'utf8');
const names = text
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => line.slice(0, line.indexOf(';')));
const files: FileMeta[] = [
  { path: 'FETAL_PLANES_DB_data.csv', size: text.length, lastModified: 0 },
  ...names.map((name, i) => ({ path: `Images/${name}.png`, size: 170_000 + i, lastModified: 0 })),
];

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

const floor: number[] = [];
const total: number[] = [];
const parse: number[] = [];
for (let run = 0; run < runs + 2; run++) {
  const bare = time(() => Papa.parse(text, { delimiter: ';' }));
  let csv: ReturnType<typeof readDatasetCsv> | undefined;
  const read = time(() => (csv = readDatasetCsv('FETAL_PLANES_DB_data.csv', text)));
  const rest = time(() => {
    const join = joinFolder(files, csv === undefined ? [] : [csv]);
    const present = new Set(join.files.flatMap((file) => (file === null ? [] : [file.path])));
    buildIndex(join.records, (path) => present.has(path));
  });
  if (run < 2) continue; // warm-up: let the JIT settle
  floor.push(bare);
  parse.push(read);
  total.push(read + rest);
}

const row = (label: string, values: number[]) =>
  `${label.padEnd(44)} ${median(values).toFixed(1).padStart(8)} ms`;
console.log(
  `${names.length.toLocaleString('en-US')} rows, ${files.length} files, median of ${runs} runs`,
);
console.log(row('floor: bare papaparse parse', floor));
console.log(row('readDatasetCsv (parse + vocabulary checks)', parse));
console.log(row('index: read + join + buildIndex', total));
console.log(`ratio index / floor: ${(median(total) / median(floor)).toFixed(2)}`);
