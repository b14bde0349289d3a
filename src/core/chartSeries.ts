// The series the charts draw: per facet value, images or distinct patients, stacked by split.

import { NONE, type DatasetIndex, type FacetColumn } from './datasetIndex.ts';
import { FACETS, type FacetKey } from './facets.ts';
import { formatCount } from './format.ts';
import { SPLIT_LABEL } from './types.ts';
import { NOT_A_BRAIN } from './vocabulary.ts';

/** What a bar counts: images, or distinct patients (a patient counts once per bar and stack). */
export type Measure = 'images' | 'patients';

/** A split as a chart colours it: the published two, and every other value lumped together. */
export type SplitKind = 'train' | 'test' | 'other';

/** One layer of a stacked bar. */
export interface Stack {
  readonly kind: SplitKind;
  /** `Train`, `Test`, or the other split values as written, joined by `, `. */
  readonly label: string;
}

/** One bar: a facet value and what it counts. */
export interface ChartBar {
  /** The facet value as the data writes it; a click filters by it. */
  readonly label: string;
  /** Per stack of the series, in its order; empty when the series is not stacked. */
  readonly counts: readonly number[];
  /**
   * Images: the sum of the stacks. Patients: distinct over all splits, which is less than the
   * sum when a patient has images in two splits.
   */
  readonly total: number;
}

/** The facets drawn as charts. */
export type ChartFacet = Extract<
  FacetKey,
  'plane' | 'brainPlane' | 'country' | 'machine' | 'operator'
>;

/** Everything one chart (and its table) shows. */
export interface ChartSeries {
  /** The facet a click on a bar filters by. */
  readonly facet: ChartFacet;
  /** The facet's legend in the filter panel (`Plane`), the table's first column header. */
  readonly legend: string;
  readonly measure: Measure;
  /** `Images` or `Patients`. */
  readonly unit: string;
  /** `Images by plane and split`, `Patients by country`... */
  readonly title: string;
  /** The splits stacked in each bar, Train then Test then other; empty when not stacked. */
  readonly stacks: readonly Stack[];
  /** One per value of the facet in the index, in display order, zeros included. */
  readonly bars: readonly ChartBar[];
  /** The series in one sentence, for an aria-label: the title, then each bar and its stacks. */
  readonly description: string;
}

/** The charts, in the order they are shown; `stacked` ones are split by Train, Test, other. */
const CHARTS: readonly { readonly facet: ChartFacet; readonly stacked: boolean }[] = [
  { facet: 'plane', stacked: true },
  { facet: 'brainPlane', stacked: true },
  { facet: 'country', stacked: false },
  { facet: 'machine', stacked: false },
  { facet: 'operator', stacked: false },
];

/** Values not drawn: `Not A Brain` would dwarf the brain planes, and the plane chart shows it. */
const LEFT_OUT: Partial<Record<ChartFacet, ReadonlySet<string>>> = {
  brainPlane: new Set([NOT_A_BRAIN]),
};

const TRAIN = 0;
const TEST = 1;
const OTHER = 2;
const ALL = 3;
const SLOTS = 4;
const KINDS: readonly SplitKind[] = ['train', 'test', 'other'];

/**
 * Takes an index, a selection of its record ids (e.g. Evaluation.selection) and a measure;
 * returns one series per chart: plane and brain plane (without `Not A Brain`) stacked by split,
 * then country, machine and operator. A chart whose facet has no value in the index is left out
 * (e.g. operator when only the African set is open). Bars and stacks depend on the index only,
 * never on the selection, so they keep their places while filters change; a value the selection
 * lacks counts 0. Patients count once per bar and per stack. Ids outside the index are skipped.
 * O(selection + patients) once, then O(selection + values) per chart; never throws.
 */
export function chartSeries(
  index: DatasetIndex,
  selection: Uint32Array,
  measure: Measure,
): ChartSeries[] {
  const n = index.records.length;
  const ids = selection.filter((id) => id < n);
  const split = splitsOf(index.facets.split);
  const ordered = measure === 'patients' ? byPatient(index, ids) : ids;
  const owner = measure === 'patients' ? index.patients.codes : null;
  const unit = measure === 'images' ? 'Images' : 'Patients';

  return CHARTS.flatMap(({ facet, stacked }) => {
    const column = index.facets[facet];
    const left = LEFT_OUT[facet];
    const codes = column.values.flatMap((label, code) => (left?.has(label) ? [] : [code]));
    if (codes.length === 0) return [];

    const tallies = tally(column, ordered, split.buckets, index.facets.split.codes, owner);
    const stacks = stacked ? split.stacks : [];
    const bars = codes.map((code): ChartBar => {
      const at = code * SLOTS;
      return {
        label: column.values[code] ?? '',
        counts: stacks.map((stack) => tallies[at + KINDS.indexOf(stack.kind)] ?? 0),
        total: tallies[at + ALL] ?? 0,
      };
    });
    const legend = FACETS.find((f) => f.key === facet)?.legend ?? facet;
    const title = `${unit} by ${legend.toLowerCase()}${stacked ? ' and split' : ''}`;
    return [
      {
        facet,
        legend,
        measure,
        unit,
        title,
        stacks,
        bars,
        description: describe(title, stacks, bars),
      },
    ];
  });
}

/** Split code -> TRAIN, TEST or OTHER (NONE reads OTHER), and the stacks the index needs. */
function splitsOf(split: FacetColumn): { buckets: Uint8Array; stacks: Stack[] } {
  const buckets = new Uint8Array(NONE + 1).fill(OTHER);
  const others: string[] = [];
  split.values.forEach((label, code) => {
    if (label === SPLIT_LABEL.train) buckets[code] = TRAIN;
    else if (label === SPLIT_LABEL.test) buckets[code] = TEST;
    else others.push(label);
  });
  const stacks: Stack[] = [
    { kind: 'train', label: SPLIT_LABEL.train },
    { kind: 'test', label: SPLIT_LABEL.test },
  ];
  if (others.length > 0) stacks.push({ kind: 'other', label: others.join(', ') });
  return { buckets, stacks };
}

/** The ids grouped by patient (a counting sort, stable within a patient): O(ids + patients). */
function byPatient(index: DatasetIndex, ids: Uint32Array): Uint32Array {
  const codes = index.patients.codes;
  const starts = new Uint32Array(index.patients.values.length + 1);
  for (const id of ids) starts[(codes[id] ?? 0) + 1] = (starts[(codes[id] ?? 0) + 1] ?? 0) + 1;
  for (let p = 1; p < starts.length; p++) starts[p] = (starts[p] ?? 0) + (starts[p - 1] ?? 0);
  const ordered = new Uint32Array(ids.length);
  for (const id of ids) {
    const p = codes[id] ?? 0;
    ordered[starts[p] ?? 0] = id;
    starts[p] = (starts[p] ?? 0) + 1;
  }
  return ordered;
}

/**
 * Per slot `code * 4 + bucket` (bucket ALL for any split), how many owners the ids hold: each id
 * its own owner when `owner` is null (images), else its patient, the ids then grouped by patient
 * so one stamp per slot tells whether the current patient is counted there yet.
 */
function tally(
  column: FacetColumn,
  ids: Uint32Array,
  buckets: Uint8Array,
  splitCodes: Uint16Array,
  owner: Uint32Array | null,
): Uint32Array {
  const counts = new Uint32Array(column.values.length * SLOTS);
  const seen = new Float64Array(counts.length).fill(-1);
  const count = (slot: number, stamp: number) => {
    if (seen[slot] === stamp) return;
    seen[slot] = stamp;
    counts[slot] = (counts[slot] ?? 0) + 1;
  };

  ids.forEach((id, j) => {
    const code = column.codes[id] ?? NONE;
    if (code === NONE) return;
    const stamp = owner === null ? j : (owner[id] ?? 0);
    count(code * SLOTS + (buckets[splitCodes[id] ?? NONE] ?? OTHER), stamp);
    count(code * SLOTS + ALL, stamp);
  });
  return counts;
}

/** `Images by plane and split: Fetal brain 3 (Train 2, Test 1); Other 0 (Train 0, Test 0).` */
function describe(title: string, stacks: readonly Stack[], bars: readonly ChartBar[]): string {
  const parts = bars.map((bar) => {
    const layers = stacks.map((stack, s) => `${stack.label} ${formatCount(bar.counts[s] ?? 0)}`);
    const detail = layers.length > 0 ? ` (${layers.join(', ')})` : '';
    return `${bar.label} ${formatCount(bar.total)}${detail}`;
  });
  return `${title}: ${parts.join('; ')}.`;
}
