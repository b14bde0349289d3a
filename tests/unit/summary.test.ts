import fc from 'fast-check';
import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import { summarize, summarizeSizes } from '../../src/core/summary.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { africanRecord, fetalRecord } from './records.ts';

type Sized = [ImageRecord, number, number];
const brain = (patient: string, brainPlane: string, operator: string, split: string) =>
  fetalRecord({ patient, plane: 'Fetal brain', brainPlane, operator, split });
const egypt = (patient: number, plane: string, split: string) =>
  africanRecord({
    name: `patient00${patient}_EGY_plane0`,
    patient: `Egypt/${patient}`,
    plane,
    split,
  });

const rows: Sized[] = [
  [brain('1', 'Trans-thalamic', 'Op. 1', 'Train'), 800, 600],
  [brain('1', 'Trans-thalamic', 'Op. 1', 'Train'), 800, 600],
  [brain('1', 'Trans-cerebellum', 'Op. 2', 'Test'), 1000, 700],
  [fetalRecord({ patient: '2', operator: 'Op. 2' }), 0, 0],
  [fetalRecord({ patient: '3', operator: 'Other', machine: 'Aloka', split: 'Test' }), 640, 480],
  [
    fetalRecord({
      patient: '3',
      plane: 'Fetal femur',
      operator: 'Other',
      machine: 'Aloka',
      split: 'Test',
    }),
    720,
    540,
  ],
  [egypt(1, 'Fetal brain', 'Train'), 400, 450],
  [egypt(1, 'Fetal brain', 'Test'), 500, 400],
  [egypt(2, 'Fetal abdomen', 'Train'), 300, 500],
  [egypt(3, 'Fetal abdomen', 'Test'), 600, 300],
  [africanRecord({ country: 'Ghana', patient: 'Ghana/1' }), 0, 0],
  [fetalRecord({ patient: '4', machine: 'Aloka', split: '2' }), 0, 0],
];

function sizedIndex() {
  const index = buildIndex(
    rows.map(([record]) => record),
    () => true,
  );
  rows.forEach(([, width, height], id) => setImageSize(index, id, width, height, 1000));
  return index;
}
const all = (n: number) => Uint32Array.from({ length: n }, (_, id) => id);
const tally = (train: number, test: number, other: number, allCount: number) => ({
  train,
  test,
  other,
  all: allCount,
});

describe('summarize', () => {
  const summary = summarize(sizedIndex(), all(rows.length));

  it('counts images and distinct patients per plane and split', () => {
    expect(summary.images).toBe(12);
    expect(summary.planes).toEqual([
      { label: 'Fetal abdomen', images: tally(2, 1, 0, 3), patients: tally(2, 1, 0, 3) },
      { label: 'Fetal brain', images: tally(3, 2, 0, 5), patients: tally(2, 2, 0, 2) },
      { label: 'Fetal femur', images: tally(0, 1, 0, 1), patients: tally(0, 1, 0, 1) },
      { label: 'Other', images: tally(1, 1, 1, 3), patients: tally(1, 1, 1, 3) },
    ]);
  });

  it('counts images and distinct patients per brain plane and split', () => {
    expect(summary.brainPlanes).toEqual([
      { label: 'Trans-cerebellum', images: tally(0, 1, 0, 1), patients: tally(0, 1, 0, 1) },
      { label: 'Trans-thalamic', images: tally(2, 0, 0, 2), patients: tally(1, 0, 0, 1) },
      { label: 'Not A Brain', images: tally(1, 2, 1, 4), patients: tally(1, 1, 1, 3) },
    ]);
  });

  it('counts images per country, machine and operator', () => {
    expect(summary.countries).toEqual([
      { label: 'Egypt', images: 4 },
      { label: 'Ghana', images: 1 },
      { label: 'Spain', images: 7 },
    ]);
    expect(summary.machines).toEqual([
      { label: 'Aloka', images: 3 },
      { label: 'Voluson E6', images: 4 },
    ]);
    expect(summary.operators).toEqual([
      { label: 'Op. 1', images: 3 },
      { label: 'Op. 2', images: 2 },
      { label: 'Other', images: 2 },
    ]);
  });

  it('describes sizes per machine, with the lower median of an even count', () => {
    expect(summary.sizesByMachine).toEqual([
      {
        label: 'Aloka',
        images: 3,
        known: 2,
        sizes: [
          { width: 640, height: 480, images: 1 },
          { width: 720, height: 540, images: 1 },
        ],
        commonest: { width: 640, height: 480, images: 1 },
        commonestShare: 0.5,
        width: { min: 640, median: 640, max: 720 },
        height: { min: 480, median: 480, max: 540 },
      },
      {
        label: 'Voluson E6',
        images: 4,
        known: 3,
        sizes: [
          { width: 800, height: 600, images: 2 },
          { width: 1000, height: 700, images: 1 },
        ],
        commonest: { width: 800, height: 600, images: 2 },
        commonestShare: 2 / 3,
        width: { min: 800, median: 800, max: 1000 },
        height: { min: 600, median: 600, max: 700 },
      },
    ]);
  });

  it('describes sizes per country, medians taken per dimension', () => {
    const [egyptSizes, ghanaSizes, spainSizes] = summary.sizesByCountry;
    expect(egyptSizes?.sizes.map((s) => `${s.width}x${s.height}`)).toEqual([
      '300x500',
      '400x450',
      '500x400',
      '600x300',
    ]);
    expect(egyptSizes?.commonestShare).toBe(0.25);
    expect(egyptSizes?.width).toEqual({ min: 300, median: 400, max: 600 });
    expect(egyptSizes?.height).toEqual({ min: 300, median: 400, max: 500 });
    expect(spainSizes?.known).toBe(5);
    expect(spainSizes?.commonestShare).toBe(0.4);
    expect(spainSizes?.width).toEqual({ min: 640, median: 800, max: 1000 });
    expect(spainSizes?.height).toEqual({ min: 480, median: 600, max: 700 });
    expect(ghanaSizes).toEqual({
      label: 'Ghana',
      images: 1,
      known: 0,
      sizes: [],
      commonest: null,
      commonestShare: 0,
      width: null,
      height: null,
    });
  });

  it('counts patients per split and lists those in more than one', () => {
    expect(summary.patients).toEqual(tally(5, 4, 1, 8));
    expect(summary.patientsInSeveralSplits).toEqual([
      { patient: 'fetal:1', train: 2, test: 1, other: 0 },
      { patient: 'african:Egypt/1', train: 1, test: 1, other: 0 },
    ]);
  });

  it('summarizes only the selection, skipping ids outside the index', () => {
    const part = summarize(sizedIndex(), Uint32Array.from([2, 6, 99]));
    expect(part.images).toBe(2);
    expect(part.patients).toEqual(tally(1, 1, 0, 2));
    expect(part.patientsInSeveralSplits).toEqual([]);
    expect(part.planes.map((row) => row.images.all)).toEqual([0, 2, 0, 0]);
    expect(part.sizesByCountry.map((group) => group.commonest)).toEqual([
      { width: 400, height: 450, images: 1 },
      null,
      { width: 1000, height: 700, images: 1 },
    ]);
  });

  it('sees sizes read after a first summary', () => {
    const index = buildIndex(
      rows.map(([record]) => record),
      () => true,
    );
    const before = summarize(index, all(rows.length));
    expect(before.sizesByCountry.map((group) => group.known)).toEqual([0, 0, 0]);
    setImageSize(index, 10, 500, 500, 1);
    const after = summarize(index, all(rows.length));
    expect(after.sizesByCountry[1]?.width).toEqual({ min: 500, median: 500, max: 500 });
  });

  it('summarizes an empty selection', () => {
    const empty = summarize(sizedIndex(), new Uint32Array(0));
    expect(empty.images).toBe(0);
    expect(empty.patients).toEqual(tally(0, 0, 0, 0));
    expect(empty.countries.map((row) => row.images)).toEqual([0, 0, 0]);
  });
});

describe('summarizeSizes', () => {
  it('keeps the groups with images in the selection, described as summarize does', () => {
    const index = sizedIndex();
    const sizes = summarizeSizes(index, Uint32Array.from([0, 4, 6, 11, 99]));
    const full = summarize(index, Uint32Array.from([0, 4, 6, 11]));
    expect(sizes.byCountry.map((group) => group.label)).toEqual(['Egypt', 'Spain']);
    expect(sizes.byCountry).toEqual(full.sizesByCountry.filter((group) => group.images > 0));
    expect(sizes.byMachine).toEqual(full.sizesByMachine.filter((group) => group.images > 0));
    expect(sizes.byMachine.map((group) => [group.label, group.images, group.known])).toEqual([
      ['Aloka', 2, 1],
      ['Voluson E6', 1, 1],
    ]);
  });

  it('leaves images with no machine out of the machine groups', () => {
    const sizes = summarizeSizes(sizedIndex(), Uint32Array.from([6, 7, 10]));
    expect(sizes.byCountry.map((group) => [group.label, group.images])).toEqual([
      ['Egypt', 2],
      ['Ghana', 1],
    ]);
    expect(sizes.byMachine).toEqual([]);
  });
});

describe('summarize (property)', () => {
  const sized = fc.record({
    patient: fc.integer({ min: 1, max: 8 }),
    plane: fc.constantFrom('Fetal brain', 'Other'),
    machine: fc.constantFrom('Aloka', 'Other'),
    split: fc.constantFrom('Train', 'Test', 'x'),
    width: fc.constantFrom(0, 300, 500, 800),
    height: fc.constantFrom(0, 200, 600),
    picked: fc.boolean(),
  });

  it('agrees with counting over objects', () => {
    fc.assert(
      fc.property(fc.array(sized, { maxLength: 40 }), (specs) => {
        const records = specs.map((s) => fetalRecord({ ...s, patient: String(s.patient) }));
        const index = buildIndex(records, () => true);
        specs.forEach((s, id) => setImageSize(index, id, s.width, s.height, 1));
        const ids = specs.flatMap((s, id) => (s.picked ? [id] : []));
        const summary = summarize(index, Uint32Array.from(ids));
        const picked = specs.filter((s) => s.picked);

        for (const row of summary.planes) {
          const inPlane = picked.filter((s) => s.plane === row.label);
          const patientsIn = (split: string) =>
            new Set(inPlane.filter((s) => s.split === split).map((s) => s.patient)).size;
          expect(row.images.all).toBe(inPlane.length);
          expect(row.patients).toEqual({
            train: patientsIn('Train'),
            test: patientsIn('Test'),
            other: patientsIn('x'),
            all: new Set(inPlane.map((s) => s.patient)).size,
          });
        }

        for (const group of summary.sizesByMachine) {
          const known = picked.filter(
            (s) => s.machine === group.label && s.width > 0 && s.height > 0,
          );
          const lowerMedian = (values: number[]) =>
            values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
          expect(group.known).toBe(known.length);
          expect(group.width?.median).toBe(lowerMedian(known.map((s) => s.width)));
          expect(group.height?.median).toBe(lowerMedian(known.map((s) => s.height)));
          expect(group.height?.max).toBe(
            known.length ? Math.max(...known.map((s) => s.height)) : undefined,
          );
          expect(group.sizes.reduce((sum, s) => sum + s.images, 0)).toBe(known.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
