// Times a filter change (evaluate, the facet lists, the charts and size summaries) on the real
// FETAL_PLANES_DB rows and on a 10x copy, every size known. The workload is filterWorkload.ts,
// shared with the browser bench page (pages/core.ts).
// Run: npx tsx tests/bench/filter.ts

import { readFileSync } from 'node:fs';
import { EMPTY_FILTER } from '../../src/core/facets.ts';
import {
  prepareFilterWorkload,
  runFilterChanges,
  timeFilterChange,
  type ChangeTiming,
} from './filterWorkload.ts';

const CHANGES = 400;
const WARM_UP = 50;
const EMPTY_RUNS = 50;
const PARTS = ['evaluate', 'summarize', 'total'] as const;

const csvText = readFileSync(
  new URL('../fixtures/FETAL_PLANES_DB_data.csv', import.meta.url),
  'utf8',
);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function spread(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const [median, p95] = [0.5, 0.95].map((p) => percentile(sorted, p).toFixed(2));
  return `median ${median}   p95 ${p95}`;
}

function bench(label: string, copies: number): void {
  const workload = prepareFilterWorkload(csvText, copies);
  const changes = runFilterChanges(workload, WARM_UP + CHANGES).slice(WARM_UP);
  // The same work with nothing filtered: every image selected, the largest summaries.
  const everything: ChangeTiming[] = [];
  for (let run = 0; run < WARM_UP + EMPTY_RUNS; run++) {
    const timing = timeFilterChange(workload.index, EMPTY_FILTER);
    if (run >= WARM_UP) everything.push(timing);
  }

  console.log(
    `${label}: ${workload.images} records, index built in ${workload.buildMs.toFixed(0)} ms`,
  );
  console.log(`  ${CHANGES} random filter changes (milliseconds):`);
  for (const part of PARTS) {
    console.log(`    ${part.padEnd(10)} ${spread(changes.map((timing) => timing[part]))}`);
  }
  const total = spread(everything.map((timing) => timing.total));
  console.log(`  empty filter, every image selected, total: ${total}`);
}

bench('FETAL_PLANES_DB', 1);
bench('10x copy', 10);
