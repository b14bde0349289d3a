// Times evaluate() and summarize() on the real FETAL_PLANES_DB rows and on a 10x copy.
// Run: npx tsx tests/bench/filter.ts

import { readFileSync } from 'node:fs';
import { buildIndex, setImageSize, type DatasetIndex } from '../../src/core/datasetIndex.ts';
import {
  EMPTY_FILTER,
  FACET_KEYS,
  type FacetKey,
  type FilterState,
} from '../../src/core/facets.ts';
import { evaluate } from '../../src/core/filter.ts';
import { formatSize } from '../../src/core/format.ts';
import { summarize } from '../../src/core/summary.ts';
import type { ImageRecord } from '../../src/core/types.ts';

const CHANGES = 400;
const PATIENTS = 1792;

/** The CSV's rows as ImageRecords, copy k with its patients renumbered after copy k - 1's. */
function fetalRecords(copies: number): ImageRecord[] {
  const text = readFileSync(
    new URL('../fixtures/FETAL_PLANES_DB_data.csv', import.meta.url),
    'utf8',
  );
  const rows = text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(';').map((field) => field.trim()));

  const records: ImageRecord[] = [];
  for (let copy = 0; copy < copies; copy++) {
    rows.forEach(
      (
        [
          name = '',
          patient = '',
          plane = '',
          brainPlane = '',
          operator = '',
          machine = '',
          train = '',
        ],
        row,
      ) => {
        const number = Number(patient) + copy * PATIENTS;
        const renamed = name.replace(/^Patient\d+/, `Patient${String(number).padStart(5, '0')}`);
        records.push({
          dataset: 'fetal',
          name: renamed,
          path: `Images/${renamed}.png`,
          plane,
          brainPlane,
          operator,
          machine,
          country: 'Spain',
          patient: String(number),
          split: train === '1' ? 'Train' : 'Test',
          frame: null,
          csvFile: 'FETAL_PLANES_DB_data.csv',
          csvLine: row + 2,
        });
      },
    );
  }
  return records;
}

/** A deterministic pseudo-random generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withSizes(index: DatasetIndex, next: () => number): DatasetIndex {
  const sizes: Record<string, [number, number][]> = {
    'Voluson E6': [
      [1136, 852],
      [959, 661],
      [1200, 900],
    ],
    'Voluson S10': [
      [1047, 784],
      [1201, 898],
    ],
    Aloka: [
      [806, 550],
      [750, 576],
    ],
    Other: [
      [1144, 871],
      [724, 535],
      [640, 480],
    ],
  };
  index.records.forEach((record, id) => {
    const choices = sizes[record.machine ?? 'Other'] ?? [];
    const [width, height] = choices[Math.floor(next() * choices.length)] ?? [0, 0];
    if (next() < 0.95) setImageSize(index, id, width, height, width * height * 0.4);
  });
  return index;
}

function randomFilter(index: DatasetIndex, next: () => number): FilterState {
  const facets: Partial<Record<FacetKey, string[]>> = {};
  for (const key of FACET_KEYS) {
    if (next() < 0.6) continue;
    const labels =
      key === 'size'
        ? index.sizes.map(({ width, height }) => formatSize(width, height))
        : index.facets[key].values;
    const values = labels.filter(() => next() < 0.5);
    if (values.length > 0) facets[key] = values;
  }
  const roll = next();
  const patient = String(1 + Math.floor(next() * PATIENTS * 10));
  const query =
    roll < 0.6 ? '' : roll < 0.8 ? patient : roll < 0.9 ? `plane${patient.slice(0, 1)}` : 'of_1';
  return { facets, query };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function bench(label: string, records: ImageRecord[]): void {
  const next = random(42);
  const started = performance.now();
  const index = withSizes(
    buildIndex(records, () => true),
    next,
  );
  const built = performance.now() - started;

  const times = { evaluate: [] as number[], summarize: [] as number[], both: [] as number[] };
  for (let i = 0; i < CHANGES + 50; i++) {
    const filter = randomFilter(index, next);
    const t0 = performance.now();
    const result = evaluate(index, filter);
    const t1 = performance.now();
    summarize(index, result.selection);
    const t2 = performance.now();
    if (i < 50) continue; // warm-up
    times.evaluate.push(t1 - t0);
    times.summarize.push(t2 - t1);
    times.both.push(t2 - t0);
  }

  const everything: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    summarize(index, evaluate(index, EMPTY_FILTER).selection);
    if (i >= 10) everything.push(performance.now() - t0);
  }

  console.log(`${label}: ${records.length} records, index built in ${built.toFixed(0)} ms`);
  console.log(`  ${CHANGES} random filter changes (milliseconds):`);
  for (const [name, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    const median = percentile(sorted, 0.5).toFixed(2);
    const p95 = percentile(sorted, 0.95).toFixed(2);
    console.log(`    ${name.padEnd(10)} median ${median}   p95 ${p95}`);
  }
  const sorted = [...everything].sort((a, b) => a - b);
  const median = percentile(sorted, 0.5).toFixed(2);
  const p95 = percentile(sorted, 0.95).toFixed(2);
  console.log(
    `  empty filter, every image selected, evaluate + summarize: median ${median}   p95 ${p95}`,
  );
}

bench('FETAL_PLANES_DB', fetalRecords(1));
bench('10x copy', fetalRecords(10));
