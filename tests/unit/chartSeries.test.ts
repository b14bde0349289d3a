import fc from 'fast-check';
import { chartSeries, type ChartSeries, type Measure } from '../../src/core/chartSeries.ts';
import { readDatasetCsv } from '../../src/core/csv.ts';
import { buildIndex } from '../../src/core/datasetIndex.ts';
import { joinFolder } from '../../src/core/join.ts';
import { summarize } from '../../src/core/summary.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { AFRICAN_CSV, FETAL_CSV, plainRows } from './realCsv.ts';
import { africanRecord, fetalRecord } from './records.ts';

const brain = (patient: string, brainPlane: string, operator: string, split: string) =>
  fetalRecord({ patient, plane: 'Fetal brain', brainPlane, operator, split });
const egypt = (patient: number, plane: string, split: string) =>
  africanRecord({
    name: `patient00${patient}_EGY_plane0`,
    patient: `Egypt/${patient}`,
    plane,
    split,
  });

const records: ImageRecord[] = [
  brain('1', 'Trans-thalamic', 'Op. 1', 'Train'),
  brain('1', 'Trans-thalamic', 'Op. 1', 'Train'),
  brain('1', 'Trans-cerebellum', 'Op. 2', 'Test'),
  fetalRecord({ patient: '2', operator: 'Op. 2' }),
  fetalRecord({ patient: '3', operator: 'Other', machine: 'Aloka', split: 'Test' }),
  fetalRecord({
    patient: '3',
    plane: 'Fetal femur',
    operator: 'Other',
    machine: 'Aloka',
    split: 'Test',
  }),
  egypt(1, 'Fetal brain', 'Train'),
  egypt(1, 'Fetal brain', 'Test'),
  egypt(2, 'Fetal abdomen', 'Train'),
  africanRecord({ country: 'Ghana', patient: 'Ghana/1' }),
  fetalRecord({ patient: '4', machine: 'Aloka', split: '2' }),
];

const every = (n: number) => Uint32Array.from({ length: n }, (_, id) => id);
const seriesOf = (list: readonly ImageRecord[], measure: Measure, ids = every(list.length)) =>
  chartSeries(
    buildIndex(list, () => true),
    ids,
    measure,
  );
const byFacet = (series: readonly ChartSeries[]) =>
  Object.fromEntries(series.map((s) => [s.facet, s]));
/** Bars as `label: total [per stack]`, the shape the expectations are written in. */
const bars = (s: ChartSeries | undefined) =>
  s?.bars.map((bar) => `${bar.label}: ${bar.total} [${bar.counts.join(' ')}]`);

describe('chartSeries', () => {
  const images = byFacet(seriesOf(records, 'images'));
  const patients = byFacet(seriesOf(records, 'patients'));

  it('draws plane, brain plane, country, machine and operator, in that order', () => {
    expect(seriesOf(records, 'images').map((s) => s.facet)).toEqual([
      'plane',
      'brainPlane',
      'country',
      'machine',
      'operator',
    ]);
  });

  it('stacks planes by Train, Test and the other split values, as written', () => {
    expect(images.plane?.stacks).toEqual([
      { kind: 'train', label: 'Train' },
      { kind: 'test', label: 'Test' },
      { kind: 'other', label: '2' },
    ]);
    expect(bars(images.plane)).toEqual([
      'Fetal abdomen: 2 [2 0 0]',
      'Fetal brain: 5 [3 2 0]',
      'Fetal femur: 1 [0 1 0]',
      'Other: 3 [1 1 1]',
    ]);
  });

  it('counts a patient once per bar and per stack; a bar total counts it once over all splits', () => {
    // Fetal brain: patients fetal:1 and Egypt/1 each have brain images in Train and in Test.
    expect(bars(patients.plane)).toEqual([
      'Fetal abdomen: 2 [2 0 0]',
      'Fetal brain: 2 [2 2 0]',
      'Fetal femur: 1 [0 1 0]',
      'Other: 3 [1 1 1]',
    ]);
  });

  it('draws the brain planes without Not A Brain', () => {
    expect(bars(images.brainPlane)).toEqual([
      'Trans-cerebellum: 1 [0 1 0]',
      'Trans-thalamic: 2 [2 0 0]',
    ]);
    expect(bars(patients.brainPlane)).toEqual([
      'Trans-cerebellum: 1 [0 1 0]',
      'Trans-thalamic: 1 [1 0 0]',
    ]);
  });

  it('counts images and distinct patients per country, machine and operator, unstacked', () => {
    expect(images.country?.stacks).toEqual([]);
    expect(bars(images.country)).toEqual(['Egypt: 3 []', 'Ghana: 1 []', 'Spain: 7 []']);
    expect(bars(patients.country)).toEqual(['Egypt: 2 []', 'Ghana: 1 []', 'Spain: 4 []']);
    expect(bars(images.machine)).toEqual(['Aloka: 3 []', 'Voluson E6: 4 []']);
    expect(bars(patients.machine)).toEqual(['Aloka: 2 []', 'Voluson E6: 2 []']);
    expect(bars(images.operator)).toEqual(['Op. 1: 3 []', 'Op. 2: 2 []', 'Other: 2 []']);
    expect(bars(patients.operator)).toEqual(['Op. 1: 2 []', 'Op. 2: 2 []', 'Other: 1 []']);
  });

  it('names each chart by its measure and facet, and describes it in one sentence', () => {
    expect(images.plane).toMatchObject({
      legend: 'Plane',
      unit: 'Images',
      measure: 'images',
      title: 'Images by plane and split',
    });
    expect(patients.brainPlane?.title).toBe('Patients by brain plane and split');
    expect(patients.country?.title).toBe('Patients by country');
    expect(images.machine?.description).toBe('Images by machine: Aloka 3; Voluson E6 4.');
    expect(images.brainPlane?.description).toBe(
      'Images by brain plane and split: Trans-cerebellum 1 (Train 0, Test 1, 2 0); ' +
        'Trans-thalamic 2 (Train 2, Test 0, 2 0).',
    );
  });

  it('keeps every bar of the index, at 0, for a selection that lacks its value', () => {
    const part = byFacet(seriesOf(records, 'patients', Uint32Array.from([8, 9])));
    expect(bars(part.plane)).toEqual([
      'Fetal abdomen: 2 [2 0 0]',
      'Fetal brain: 0 [0 0 0]',
      'Fetal femur: 0 [0 0 0]',
      'Other: 0 [0 0 0]',
    ]);
    expect(bars(part.operator)).toEqual(['Op. 1: 0 []', 'Op. 2: 0 []', 'Other: 0 []']);
    const none = byFacet(seriesOf(records, 'images', new Uint32Array(0)));
    expect(none.country?.bars.map((bar) => bar.total)).toEqual([0, 0, 0]);
  });

  it('skips ids outside the index', () => {
    const part = byFacet(seriesOf(records, 'images', Uint32Array.from([3, 99, 100])));
    expect(part.plane?.bars.map((bar) => bar.total)).toEqual([0, 0, 0, 1]);
  });

  it('leaves out the charts the open datasets have no value for, and an unused other stack', () => {
    const african = seriesOf(
      [egypt(1, 'Fetal brain', 'Train'), egypt(2, 'Fetal brain', 'Test')],
      'images',
    );
    expect(african.map((s) => s.facet)).toEqual(['plane', 'country']);
    expect(african[0]?.stacks.map((stack) => stack.label)).toEqual(['Train', 'Test']);
    const noBrain = seriesOf([fetalRecord()], 'images');
    expect(noBrain.map((s) => s.facet)).toEqual(['plane', 'country', 'machine', 'operator']);
  });

  it('agrees with summarize on planes and brain planes', () => {
    const index = buildIndex(records, () => true);
    const summary = summarize(index, every(records.length));
    for (const measure of ['images', 'patients'] as const) {
      const [plane, brainPlane] = chartSeries(index, every(records.length), measure);
      const expected = (rows: typeof summary.planes) =>
        rows
          .filter((row) => row.label !== 'Not A Brain')
          .map(({ label, [measure]: t }) => ({
            label,
            counts: [t.train, t.test, t.other],
            total: t.all,
          }));
      expect(plane?.bars).toEqual(expected(summary.planes));
      expect(brainPlane?.bars).toEqual(expected(summary.brainPlanes));
    }
  });
});

/** One published row in the shared words, read with a plain split of the CSV text. */
interface PlainRow {
  readonly patient: string;
  readonly plane: string;
  readonly brainPlane: string | null;
  readonly operator: string | null;
  readonly machine: string | null;
  readonly country: string;
  readonly split: string;
}

const split = (train: string) => (train === '1' ? 'Train' : 'Test');
const published: PlainRow[] = [
  ...plainRows(FETAL_CSV, ';')
    .slice(1)
    .map(
      ([, patient = '', plane = '', brainPlane = '', operator = '', machine = '', train = '']) => ({
        patient: `fetal:${patient}`,
        plane,
        brainPlane,
        operator,
        machine,
        country: 'Spain',
        split: split(train),
      }),
    ),
  ...plainRows(AFRICAN_CSV, ',')
    .slice(1)
    .map(([patient = '', plane = '', train = '', center = '']) => ({
      patient: `african:${center}/${patient}`,
      plane,
      brainPlane: null,
      operator: null,
      machine: null,
      country: center,
      split: split(train),
    })),
];

/** Per label: images or distinct patients of the rows that `keep`, by plain counting. */
function plainCount(
  rows: readonly PlainRow[],
  field: keyof PlainRow,
  measure: Measure,
  keep: (row: PlainRow) => boolean = () => true,
): Map<string, number> {
  const owners = new Map<string, Set<string>>();
  rows.forEach((row, i) => {
    const label = row[field];
    if (label === null || !keep(row)) return;
    const set = owners.get(label) ?? new Set<string>();
    set.add(measure === 'images' ? String(i) : row.patient);
    owners.set(label, set);
  });
  return new Map([...owners].map(([label, set]) => [label, set.size]));
}

describe('chartSeries on the published CSVs', () => {
  const csvs = [
    readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV),
    readDatasetCsv('African_planes_database.csv', AFRICAN_CSV),
  ];
  const index = buildIndex(joinFolder([], csvs).records, () => false);
  const fields: Partial<Record<ChartSeries['facet'], keyof PlainRow>> = {
    plane: 'plane',
    brainPlane: 'brainPlane',
    operator: 'operator',
    machine: 'machine',
    country: 'country',
  };

  it.each(['images', 'patients'] as const)('counts %s as plain counting does', (measure) => {
    const series = chartSeries(index, every(index.records.length), measure);
    expect(series.map((s) => s.facet)).toEqual([
      'plane',
      'brainPlane',
      'country',
      'machine',
      'operator',
    ]);
    for (const s of series) {
      const field = fields[s.facet] ?? 'split';
      const totals = plainCount(published, field, measure);
      totals.delete('Not A Brain');
      expect(new Map(s.bars.map((bar) => [bar.label, bar.total]))).toEqual(totals);
      s.stacks.forEach((stack, at) => {
        const inSplit = plainCount(published, field, measure, (row) => row.split === stack.label);
        for (const bar of s.bars) expect(bar.counts[at]).toBe(inSplit.get(bar.label) ?? 0);
      });
    }
  });

  it('sums the stacks of an images bar to its total', () => {
    const [plane] = chartSeries(index, every(index.records.length), 'images');
    for (const bar of plane?.bars ?? []) {
      expect(bar.counts.reduce((sum, n) => sum + n, 0)).toBe(bar.total);
    }
    expect(plane?.bars.reduce((sum, bar) => sum + bar.total, 0)).toBe(published.length);
  });
});

describe('chartSeries (property)', () => {
  const spec = fc.record({
    patient: fc.integer({ min: 1, max: 6 }),
    plane: fc.constantFrom('Fetal brain', 'Other'),
    machine: fc.constantFrom('Aloka', 'Other'),
    split: fc.constantFrom('Train', 'Test', 'x'),
    picked: fc.boolean(),
  });

  it('counts each bar and stack as plain counting over the picked records does', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 40 }), (specs) => {
        const list = specs.map((s) => fetalRecord({ ...s, patient: String(s.patient) }));
        const ids = Uint32Array.from(specs.flatMap((s, id) => (s.picked ? [id] : [])));
        const picked = specs.filter((s) => s.picked);
        for (const measure of ['images', 'patients'] as const) {
          const count = (keep: (s: (typeof specs)[number]) => boolean) => {
            const kept = picked.filter(keep);
            return measure === 'images' ? kept.length : new Set(kept.map((s) => s.patient)).size;
          };
          const charts = byFacet(seriesOf(list, measure, ids));
          for (const bar of charts.plane?.bars ?? []) {
            expect(bar.total).toBe(count((s) => s.plane === bar.label));
            charts.plane?.stacks.forEach((stack, at) => {
              expect(bar.counts[at]).toBe(
                count((s) => s.plane === bar.label && s.split === stack.label),
              );
            });
          }
          for (const bar of charts.machine?.bars ?? []) {
            expect(bar.total).toBe(count((s) => s.machine === bar.label));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
