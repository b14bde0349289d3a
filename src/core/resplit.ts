// A new train / validation / test split: patients kept whole, planes spread evenly, and the
// balance report that sets any split (the new one or the published one) beside the whole.

import { patientKey } from './datasetIndex.ts';
import type { SplitPart } from './export/splitCsv.ts';
import type { ImageRecord, Result } from './types.ts';

/** How much of the images each part should get; non-negative, normalised by their sum. */
export interface SplitProportions {
  readonly train: number;
  readonly validation: number;
  readonly test: number;
}

/** The parts of a new split, in the order they are shown and filled. */
export const SPLIT_PARTS: readonly SplitPart[] = ['train', 'validation', 'test'];

export const DEFAULT_PROPORTIONS: SplitProportions = { train: 0.7, validation: 0.1, test: 0.2 };

export const DEFAULT_SEED = 1;

/** A new split of some records. */
export interface Resplit {
  /** The part of each record, indexed like the records. */
  readonly parts: readonly SplitPart[];
  /** The images each part aims at: all images × its proportion / the proportions' sum. */
  readonly targets: Readonly<Record<SplitPart, number>>;
}

interface Patient {
  readonly records: number[];
  /** The plane codes of the patient's images, each once, and the images of each. */
  readonly planes: number[];
  readonly counts: number[];
}

/**
 * Takes records (of either dataset or both), the proportions of the parts and an integer seed
 * (taken modulo 2^32); returns the part of every record such that:
 * - all records of a patient (by patientKey, so two datasets' patients never merge) share a part;
 * - every part is within M images of its target, M being the most images any one patient has;
 * - a part of proportion 0 gets no image;
 * - the same records, proportions and seed give the same split, whatever the records' order;
 * - each plane's share of a part stays near its share of the whole (best effort, not bounded).
 * Fails on a negative, non-finite or all-zero proportion, or a seed that is not an integer.
 * O(n + p log p) for n records and p patients; never throws.
 */
export function resplit(
  records: readonly ImageRecord[],
  proportions: SplitProportions,
  seed: number,
): Result<Resplit> {
  const weights = SPLIT_PARTS.map((part) => proportions[part]);
  if (weights.some((weight) => !Number.isFinite(weight) || weight < 0)) {
    return { ok: false, reason: 'every proportion must be a number of 0 or more' };
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return { ok: false, reason: 'at least one proportion must be above 0' };
  if (!Number.isInteger(seed)) return { ok: false, reason: 'the seed must be a whole number' };

  const { patients, planeTotals } = groupPatients(records);
  const targets = weights.map((weight) => (records.length * weight) / sum);
  const planeTargets = weights.map((weight) => planeTotals.map((total) => (total * weight) / sum));

  shuffle(patients, mulberry32(seed));
  // Largest first (stable, so equal sizes keep the shuffled order): the big patients go while
  // every part still has room, and the small ones at the end even out the planes.
  patients.sort((a, b) => b.records.length - a.records.length);

  const open = [0, 1, 2].filter((q) => (weights[q] ?? 0) > 0);
  const deficits = [...targets];
  const fills = weights.map(() => planeTotals.map(() => 0));
  // Each patient goes where it keeps the parts' fills (placed over target) of its planes most
  // even, so all parts fill at one pace; measuring the error to target instead fills the small
  // parts first, with the biggest patients, and skews their planes (21 pp on FETAL_PLANES_DB).
  // A part's share of plane k strays from the whole's by share_k × (its fill of k − its fill)
  // over its fill, hence the weight share_k².
  const planeWeights = planeTotals.map((total) => (total / records.length) ** 2);
  const parts = new Array<SplitPart>(records.length).fill('train');
  for (const patient of patients) {
    const size = patient.records.length;
    let neediest = open[0] ?? 0;
    for (const q of open) if ((deficits[q] ?? 0) > (deficits[neediest] ?? 0)) neediest = q;

    let best = neediest;
    let bestSpread = Infinity;
    for (const q of open) {
      if (q !== neediest && (deficits[q] ?? 0) < size) continue;
      const spread = spreadAfter(patient, q, open, fills, planeTargets, planeWeights);
      if (spread < bestSpread) {
        best = q;
        bestSpread = spread;
      }
    }

    deficits[best] = (deficits[best] ?? 0) - size;
    const fill = fills[best] ?? [];
    for (let j = 0; j < patient.planes.length; j++) {
      const plane = patient.planes[j] ?? 0;
      const count = patient.counts[j] ?? 0;
      fill[plane] = (fill[plane] ?? 0) + count / (planeTargets[best]?.[plane] ?? 1);
    }
    for (const i of patient.records) parts[i] = SPLIT_PARTS[best] ?? 'train';
  }

  const [train = 0, validation = 0, test = 0] = targets;
  return { ok: true, value: { parts, targets: { train, validation, test } } };
}

// Why the size bound holds. Only open parts (proportion above 0) take patients, so a closed part
// stays empty. An open part q may take a patient of s images only if its deficit d_q =
// target_q − count_q is at least s (it does not overshoot), or if d_q is the largest deficit.
// The deficits sum to the images not yet placed, so the largest is positive while a patient is
// left: no part overshoots by s or more. At the end the deficits sum to 0. Were some part p
// short by more than M, some part q would be over its target; q went over on its last patient,
// which it therefore took as the neediest part, with d_q ≥ d_p > M ≥ s then (p's deficit only
// falls), leaving d_q > 0 — a contradiction. So every part ends within M of its target.

function groupPatients(records: readonly ImageRecord[]): {
  patients: Patient[];
  planeTotals: number[];
} {
  const planeCodes = new Map<string, number>();
  const planeTotals: number[] = [];
  const byKey = new Map<string, { records: number[]; planes: Map<number, number> }>();
  records.forEach((record, i) => {
    let plane = planeCodes.get(record.plane);
    if (plane === undefined) {
      plane = planeTotals.length;
      planeCodes.set(record.plane, plane);
      planeTotals.push(0);
    }
    planeTotals[plane] = (planeTotals[plane] ?? 0) + 1;

    const key = patientKey(record);
    let group = byKey.get(key);
    if (group === undefined) {
      group = { records: [], planes: new Map() };
      byKey.set(key, group);
    }
    group.records.push(i);
    group.planes.set(plane, (group.planes.get(plane) ?? 0) + 1);
  });

  // Patients in key order before the shuffle, so the records' order does not change the split.
  const patients = [...byKey]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, { records: ids, planes }]) => ({
      records: ids,
      planes: [...planes.keys()],
      counts: [...planes.values()],
    }));
  return { patients, planeTotals };
}

/**
 * The spread of the parts' fills (images placed over target) in the patient's planes, were it
 * placed in part q: the variance over the open parts, weighted by plane.
 */
function spreadAfter(
  patient: Patient,
  q: number,
  open: readonly number[],
  fills: readonly (readonly number[])[],
  planeTargets: readonly (readonly number[])[],
  planeWeights: readonly number[],
): number {
  let spread = 0;
  for (let j = 0; j < patient.planes.length; j++) {
    const plane = patient.planes[j] ?? 0;
    const count = patient.counts[j] ?? 0;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < open.length; i++) {
      const p = open[i] ?? 0;
      const added = p === q ? count / (planeTargets[p]?.[plane] ?? 1) : 0;
      const fill = (fills[p]?.[plane] ?? 0) + added;
      sum += fill;
      squares += fill * fill;
    }
    spread += (planeWeights[plane] ?? 0) * (squares / open.length - (sum / open.length) ** 2);
  }
  return spread;
}

/** Fisher–Yates, in place. */
function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const item = items[i] as T;
    items[i] = items[j] as T;
    items[j] = item;
  }
}

/** Mulberry32: a 32-bit state generator of numbers in [0, 1), enough for a shuffle. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One plane in a part of a split (or in the whole). */
export interface PlaneShare {
  readonly plane: string;
  readonly images: number;
  /** The plane's images over the part's, 0..1; 0 in a part with no images. */
  readonly share: number;
}

/** Images, distinct patients and planes of a set of records. */
export interface Tally {
  readonly images: number;
  readonly patients: number;
  /** Every plane of the whole, most images in the whole first, then by name; zeros included. */
  readonly planes: readonly PlaneShare[];
}

/** One part of a split and how far its planes are from the whole's. */
export interface PartBalance extends Tally {
  readonly part: string;
  /** The largest |plane share − the whole's share|, in percentage points; null when empty. */
  readonly deviation: number | null;
}

/** How balanced a split is: each part beside the whole. */
export interface SplitBalance {
  readonly whole: Tally;
  readonly parts: readonly PartBalance[];
  /** The largest deviation of any part, in percentage points; null when no part has images. */
  readonly deviation: number | null;
}

/**
 * Takes records, the part of each record by index, and the parts to list first (listed even
 * with no image: SPLIT_PARTS for a new split, 'Train' and 'Test' for the published one, whose
 * part is `record.split`); returns every part's images, distinct patients (by patientKey; a
 * patient in two parts counts in both) and plane shares beside the whole's, other parts after
 * the listed ones in the order first met. O(n + parts × planes); never throws.
 */
export function splitBalance(
  records: readonly ImageRecord[],
  partOf: (index: number) => string,
  order: readonly string[] = [],
): SplitBalance {
  const whole = newGroup();
  const byPart = new Map(order.map((part) => [part, newGroup()]));
  records.forEach((record, i) => {
    const part = partOf(i);
    const group = byPart.get(part) ?? newGroup();
    byPart.set(part, group);
    for (const { planes, patients } of [whole, group]) {
      planes.set(record.plane, (planes.get(record.plane) ?? 0) + 1);
      patients.add(patientKey(record));
    }
  });

  const planeOrder = [...whole.planes]
    .sort(([a, m], [b, n]) => n - m || compareText(a, b))
    .map(([plane]) => plane);
  const wholeTally = tally(planeOrder, whole.planes, whole.patients.size);
  const parts = [...byPart].map(([part, group]): PartBalance => {
    const counts = tally(planeOrder, group.planes, group.patients.size);
    const gaps = counts.planes.map(({ share }, k) => share - (wholeTally.planes[k]?.share ?? 0));
    const deviation = counts.images === 0 ? null : Math.max(...gaps.map(Math.abs)) * 100;
    return { part, ...counts, deviation };
  });

  const deviations = parts.flatMap((part) => (part.deviation === null ? [] : [part.deviation]));
  const deviation = deviations.length === 0 ? null : Math.max(...deviations);
  return { whole: wholeTally, parts, deviation };
}

function newGroup(): { planes: Map<string, number>; patients: Set<string> } {
  return { planes: new Map(), patients: new Set() };
}

function tally(
  planeOrder: readonly string[],
  counts: ReadonlyMap<string, number>,
  patients: number,
): Tally {
  let images = 0;
  for (const count of counts.values()) images += count;
  const planes = planeOrder.map((plane) => {
    const count = counts.get(plane) ?? 0;
    return { plane, images: count, share: images === 0 ? 0 : count / images };
  });
  return { images, patients, planes };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
