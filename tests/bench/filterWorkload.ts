// The filter benchmark's workload, free of Node so that it runs in Node (filter.ts) and in the
// browser (pages/core.ts) alike: the real FETAL_PLANES_DB rows, N copies, every size known.

import { chartSeries } from '../../src/core/chartSeries.ts';
import { buildIndex, setImageSize, type DatasetIndex } from '../../src/core/datasetIndex.ts';
import { FACET_KEYS, type FacetKey, type FilterState } from '../../src/core/facets.ts';
import { evaluate, facetValues } from '../../src/core/filter.ts';
import { formatSize } from '../../src/core/format.ts';
import { summarizeSizes } from '../../src/core/summary.ts';
import type { ImageRecord } from '../../src/core/types.ts';

/** An index ready to be filtered, as the app holds it once every header has been read. */
export interface FilterWorkload {
  readonly index: DatasetIndex;
  /** Records in the index: the CSV's rows times the copies. */
  readonly images: number;
  /** Milliseconds spent building the index and setting the sizes. */
  readonly buildMs: number;
}

/** Seed of the filter sequence: equal seeds, equal changes, comparable runs. */
export const FILTER_SEED = 42;

/** Seed of the sizes given to the images, apart from the filters' so neither shifts the other. */
const SIZE_SEED = 7;

/**
 * Takes the text of FETAL_PLANES_DB_data.csv (semicolon-delimited, header first) and a number of
 * copies (at least 1); returns its rows as ImageRecords, the whole CSV once per copy, copy k's
 * patients renumbered after copy k - 1's (names and paths follow) so copies do not merge into
 * the same patients. Blank lines are skipped; missing fields read as ''. Never throws.
 */
export function fetalRecords(csvText: string, copies: number): ImageRecord[] {
  const rows = csvText
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(';').map((field) => field.trim()));
  const patients = rows.reduce((most, [, patient = '']) => Math.max(most, Number(patient) || 0), 0);

  const records: ImageRecord[] = [];
  for (let copy = 0; copy < Math.max(1, Math.floor(copies)); copy++) {
    rows.forEach((fields, row) => {
      const [name = '', patient = '', plane = '', brainPlane = '', operator = '', machine = ''] =
        fields;
      const number = Number(patient) + copy * patients;
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
        split: fields[6] === '1' ? 'Train' : 'Test',
        frame: null,
        csvFile: 'FETAL_PLANES_DB_data.csv',
        csvLine: row + 2,
      });
    });
  }
  return records;
}

/**
 * Takes the text of FETAL_PLANES_DB_data.csv and a number of copies; returns the index of
 * fetalRecords(csvText, copies), every file present and every image's size set (setImageSize),
 * as after the app's header scan: a few sizes per machine, drawn from a fixed seed, so that the
 * size facet and the size summaries cost what they cost with all sizes known. Never throws.
 */
export function prepareFilterWorkload(csvText: string, copies: number): FilterWorkload {
  const started = performance.now();
  const records = fetalRecords(csvText, copies);
  const index = buildIndex(records, () => true);
  const next = random(SIZE_SEED);
  index.records.forEach((record, id) => {
    const choices = SIZES_BY_MACHINE[record.machine ?? 'Other'] ?? SIZES_BY_MACHINE.Other ?? [];
    const [width, height] = choices[Math.floor(next() * choices.length)] ?? [640, 480];
    setImageSize(index, id, width, height, Math.round(width * height * 0.4));
  });
  return { index, images: records.length, buildMs: performance.now() - started };
}

/** One filter change: what each part cost and what it selected. */
export interface ChangeTiming {
  /** evaluate() and the filter panel's facetValues() of every facet, in ms. */
  readonly evaluate: number;
  /** The charts tab's chartSeries() and size tables' summarizeSizes(), in ms. */
  readonly summarize: number;
  /** evaluate + summarize, in ms: the whole change. */
  readonly total: number;
  /** Images selected. */
  readonly selected: number;
}

/**
 * Takes an index and a filter; computes and times everything the app recomputes when the filter
 * changes with the charts tab open: evaluate() (the selection and every facet's counts),
 * facetValues() of every facet (the filter panel), then chartSeries() in images and
 * summarizeSizes() (the charts and the size tables). Returns the timings; never throws.
 */
export function timeFilterChange(index: DatasetIndex, filter: FilterState): ChangeTiming {
  const t0 = performance.now();
  const evaluation = evaluate(index, filter);
  for (const key of FACET_KEYS) facetValues(index, evaluation, key);
  const t1 = performance.now();
  chartSeries(index, evaluation.selection, 'images');
  summarizeSizes(index, evaluation.selection);
  const t2 = performance.now();
  return {
    evaluate: t1 - t0,
    summarize: t2 - t1,
    total: t2 - t0,
    selected: evaluation.selection.length,
  };
}

/**
 * Takes a workload, a number of changes and a seed; runs that many filter changes on the index
 * (timeFilterChange), each to a new pseudo-random filter: some facets with about half their
 * values checked, sometimes a query. Returns the changes' timings in order, with no warm-up left
 * out: drop the first ones while the JIT settles. Equal seeds give equal filter sequences.
 * Never throws.
 */
export function runFilterChanges(
  workload: FilterWorkload,
  changes: number,
  seed: number = FILTER_SEED,
): ChangeTiming[] {
  const next = random(seed);
  const timings: ChangeTiming[] = [];
  for (let change = 0; change < changes; change++) {
    timings.push(timeFilterChange(workload.index, randomFilter(workload.index, next)));
  }
  return timings;
}

/** Made-up sizes near the real folders', a few per machine, so the size facet has several. */
const SIZES_BY_MACHINE: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
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

function randomFilter(index: DatasetIndex, next: () => number): FilterState {
  const facets: Partial<Record<FacetKey, string[]>> = {};
  for (const key of FACET_KEYS) {
    // No audit runs here, so a Finding filter would keep nothing; skipped before drawing so the
    // sequence stays the one earlier runs measured.
    if (key === 'finding' || key === 'tag') continue;
    if (next() < 0.6) continue;
    const labels =
      key === 'size'
        ? index.sizes.map(({ width, height }) => formatSize(width, height))
        : index.facets[key].values;
    const values = labels.filter(() => next() < 0.5);
    if (values.length > 0) facets[key] = values;
  }
  const roll = next();
  const patient = String(1 + Math.floor(next() * index.patients.values.length));
  const query =
    roll < 0.6 ? '' : roll < 0.8 ? patient : roll < 0.9 ? `plane${patient.slice(0, 1)}` : 'of_1';
  return { facets, query };
}
