import fc from 'fast-check';
import { readDatasetCsv } from '../../src/core/csv.ts';
import { patientKey } from '../../src/core/datasetIndex.ts';
import type { SplitPart } from '../../src/core/export/splitCsv.ts';
import { joinFolder } from '../../src/core/join.ts';
import {
  DEFAULT_PROPORTIONS,
  DEFAULT_SEED,
  resplit,
  SPLIT_PARTS,
  splitBalance,
  type Resplit,
  type SplitProportions,
} from '../../src/core/resplit.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { AFRICAN_CSV, countColumn, FETAL_CSV, plainRows } from './realCsv.ts';
import { africanRecord, fetalRecord } from './records.ts';

function expectSplit(records: readonly ImageRecord[], proportions: SplitProportions, seed: number) {
  const result = resplit(records, proportions, seed);
  if (!result.ok) throw new Error(`expected a split, got: ${result.reason}`);
  return result.value;
}

const fetal = (patient: string, plane = 'Other', split = 'Train') =>
  fetalRecord({ patient, plane, split });
const egypt = (patient: number, plane = 'Fetal abdomen', split = 'Train') =>
  africanRecord({ patient: `Egypt/${patient}`, plane, split });

/** Images of each part, in SPLIT_PARTS order. */
function partImages(split: Resplit): number[] {
  return SPLIT_PARTS.map((part) => split.parts.filter((p) => p === part).length);
}

/** The parts each patient's records are in. */
function partsByPatient(records: readonly ImageRecord[], split: Resplit) {
  const byPatient = new Map<string, Set<SplitPart>>();
  records.forEach((record, i) => {
    const parts = byPatient.get(patientKey(record)) ?? new Set<SplitPart>();
    parts.add(split.parts[i] ?? 'train');
    byPatient.set(patientKey(record), parts);
  });
  return byPatient;
}

/** Checks the guarantees every split makes, whatever its records, proportions and seed. */
function expectGuarantees(records: readonly ImageRecord[], p: SplitProportions, split: Resplit) {
  expect(split.parts).toHaveLength(records.length);
  for (const parts of partsByPatient(records, split).values()) expect(parts.size).toBe(1);

  const sizes = new Map<string, number>();
  for (const record of records) {
    sizes.set(patientKey(record), (sizes.get(patientKey(record)) ?? 0) + 1);
  }
  const largest = Math.max(0, ...sizes.values());
  const sum = p.train + p.validation + p.test;
  const images = partImages(split);
  SPLIT_PARTS.forEach((part, q) => {
    const target = (records.length * p[part]) / sum;
    expect(split.targets[part]).toBeCloseTo(target, 9);
    if (p[part] === 0) expect(images[q]).toBe(0);
    expect(Math.abs((images[q] ?? 0) - target)).toBeLessThanOrEqual(largest + 1e-9);
  });
}

const PLANES = ['Fetal abdomen', 'Fetal brain', 'Fetal femur', 'Other'];
const recordsArb = fc.array(
  fc
    .record({
      african: fc.boolean(),
      id: fc.integer({ min: 1, max: 15 }),
      plane: fc.constantFrom(...PLANES),
    })
    .map(({ african, id, plane }) => (african ? egypt(id, plane) : fetal(String(id), plane))),
  { maxLength: 120 },
);
const proportionArb = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0.001, max: 100, noNaN: true }),
  fc.integer({ min: 1, max: 10 }),
);
const proportionsArb = fc
  .record({ train: proportionArb, validation: proportionArb, test: proportionArb })
  .filter((p) => p.train + p.validation + p.test > 0);

describe('resplit', () => {
  it('keeps patients whole, parts within the largest patient of their targets, and 0 empty', () => {
    fc.assert(
      fc.property(recordsArb, proportionsArb, fc.integer(), (records, proportions, seed) => {
        expectGuarantees(records, proportions, expectSplit(records, proportions, seed));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same split for the same seed, whatever the order of the records', () => {
    fc.assert(
      fc.property(
        recordsArb.chain((records) =>
          fc.tuple(
            fc.constant(records),
            fc.shuffledSubarray(records, { minLength: records.length }),
          ),
        ),
        proportionsArb,
        fc.integer(),
        ([records, shuffled], proportions, seed) => {
          const split = expectSplit(records, proportions, seed);
          expect(expectSplit(records, proportions, seed)).toEqual(split);

          const partOf = new Map(records.map((record, i) => [record, split.parts[i]]));
          const again = expectSplit(shuffled, proportions, seed);
          expect(again.parts).toEqual(shuffled.map((record) => partOf.get(record)));
        },
      ),
    );
  });

  it('places a patient in different parts under different seeds', () => {
    const records = Array.from({ length: 40 }, (_, i) => fetal(String(i + 1)));
    const proportions = { train: 1, validation: 0, test: 1 };
    const parts = new Set(
      Array.from({ length: 20 }, (_, seed) => expectSplit(records, proportions, seed).parts[0]),
    );
    expect(parts).toEqual(new Set(['train', 'test']));
  });

  it('keeps patients of two datasets apart even when their numbers agree', () => {
    const records = [fetal('Egypt/1'), egypt(1)];
    const split = expectSplit(records, { train: 1, validation: 0, test: 1 }, DEFAULT_SEED);
    expect(partImages(split)).toEqual([1, 0, 1]);
  });

  it('splits each plane in proportion when single-image patients allow it', () => {
    const records = [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
      fetal(String(n), n % 2 === 0 ? 'Fetal brain' : 'Other'),
    );
    const split = expectSplit(records, { train: 1, validation: 0, test: 1 }, DEFAULT_SEED);
    const brains = (part: SplitPart) =>
      records.filter((record, i) => split.parts[i] === part && record.plane === 'Fetal brain');
    expect([brains('train').length, brains('test').length]).toEqual([2, 2]);
    expect(partImages(split)).toEqual([4, 0, 4]);
  });

  it('normalises the proportions by their sum', () => {
    const records = Array.from({ length: 10 }, (_, i) => fetal(String(i + 1)));
    const split = expectSplit(records, { train: 7, validation: 1, test: 2 }, DEFAULT_SEED);
    expect(split.targets).toEqual({ train: 7, validation: 1, test: 2 });
    expect(partImages(split)).toEqual([7, 1, 2]);
  });

  it('splits no records into no parts', () => {
    expect(resplit([], DEFAULT_PROPORTIONS, DEFAULT_SEED)).toEqual({
      ok: true,
      value: { parts: [], targets: { train: 0, validation: 0, test: 0 } },
    });
  });

  it('refuses negative, non-finite and all-zero proportions, and a fractional seed', () => {
    const records = [fetal('1')];
    const refused = [
      resplit(records, { train: -0.1, validation: 0, test: 1 }, 1),
      resplit(records, { train: Number.NaN, validation: 0, test: 1 }, 1),
      resplit(records, { train: Infinity, validation: 0, test: 1 }, 1),
      resplit(records, { train: 0, validation: 0, test: 0 }, 1),
      resplit(records, DEFAULT_PROPORTIONS, 1.5),
    ];
    expect(refused.map((result) => result.ok)).toEqual([false, false, false, false, false]);
  });
});

describe('splitBalance', () => {
  const records = [
    fetal('1', 'Other', 'Train'), // 0
    fetal('1', 'Fetal brain', 'Train'), // 1
    fetal('2', 'Other', 'Test'), // 2
    fetal('2', 'Other', 'Test'), // 3
    egypt(1, 'Other', 'Train'), // 4
    fetal('3', 'Other', '2'), // 5: a raw split value is a part of its own
    fetal('1', 'Other', 'Test'), // 6: patient 1 in two parts counts in both
  ];
  const balance = splitBalance(records, (i) => records[i]?.split ?? '', [
    'Train',
    'Validation',
    'Test',
  ]);
  const shares = (other: number, brain: number, images: number) => [
    { plane: 'Other', images: other, share: images === 0 ? 0 : other / images },
    { plane: 'Fetal brain', images: brain, share: images === 0 ? 0 : brain / images },
  ];

  it('tallies the whole: images, distinct patients, planes most images first', () => {
    expect(balance.whole).toEqual({ images: 7, patients: 4, planes: shares(6, 1, 7) });
  });

  it('lists the given parts first, empty ones too, then the others as met', () => {
    expect(
      balance.parts.map(({ part, images, patients, planes }) => ({
        part,
        images,
        patients,
        planes,
      })),
    ).toEqual([
      { part: 'Train', images: 3, patients: 2, planes: shares(2, 1, 3) },
      { part: 'Validation', images: 0, patients: 0, planes: shares(0, 0, 0) },
      { part: 'Test', images: 3, patients: 2, planes: shares(3, 0, 3) },
      { part: '2', images: 1, patients: 1, planes: shares(1, 0, 1) },
    ]);
  });

  it('gives the largest plane-share gap to the whole in percentage points, null when empty', () => {
    const deviations = balance.parts.map((part) => part.deviation);
    const expected = [(6 / 7 - 2 / 3) * 100, null, (1 - 6 / 7) * 100, (1 - 6 / 7) * 100];
    expected.forEach((value, i) => {
      if (value === null) expect(deviations[i]).toBeNull();
      else expect(deviations[i]).toBeCloseTo(value, 9);
    });
    expect(balance.deviation).toBeCloseTo((6 / 7 - 2 / 3) * 100, 9);
  });

  it('is null overall when no part has images', () => {
    expect(splitBalance([], () => '', SPLIT_PARTS)).toEqual({
      whole: { images: 0, patients: 0, planes: [] },
      parts: SPLIT_PARTS.map((part) => ({
        part,
        images: 0,
        patients: 0,
        planes: [],
        deviation: null,
      })),
      deviation: null,
    });
  });
});

describe('resplit on the published CSVs', () => {
  const fetalOnly = joinFolder([], [readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV)]).records;
  const both = joinFolder(
    [],
    [
      readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV),
      readDatasetCsv('African_planes_database.csv', AFRICAN_CSV),
    ],
  ).records;

  it('keeps its guarantees on both datasets together', () => {
    for (const seed of [DEFAULT_SEED, 2, 3]) {
      expectGuarantees(both, DEFAULT_PROPORTIONS, expectSplit(both, DEFAULT_PROPORTIONS, seed));
    }
  });

  // The last of the patients placed are 603 with one image each (of 1,792), so the greedy can
  // bring every plane of every part to within a few images of its target: 1 pp of the smallest
  // part (validation, 1,240 images) is 12 images. The published split is 3.4 pp off.
  it('keeps every plane of FETAL_PLANES_DB within 1 pp of its share of the whole', () => {
    for (const seed of [DEFAULT_SEED, 2, 3, 4, 5]) {
      const split = expectSplit(fetalOnly, DEFAULT_PROPORTIONS, seed);
      expectGuarantees(fetalOnly, DEFAULT_PROPORTIONS, split);
      const balance = splitBalance(fetalOnly, (i) => split.parts[i] ?? '', SPLIT_PARTS);
      expect(balance.parts.map((part) => part.part)).toEqual(SPLIT_PARTS);
      expect(balance.deviation).toBeLessThan(1);
    }
  });

  it('reports the published split through the same function', () => {
    const published = splitBalance(fetalOnly, (i) => fetalOnly[i]?.split ?? '', ['Train', 'Test']);
    const train = countColumn(plainRows(FETAL_CSV, ';'), 'Train');
    expect(published.parts.map(({ part, images }) => [part, images])).toEqual([
      ['Train', train.get('1')],
      ['Test', train.get('0')],
    ]);
  });
});
