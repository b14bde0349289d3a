// Summaries of a selection: counts by plane and split, images by group, image sizes, patients.

import { NONE, type DatasetIndex, type FacetColumn } from './datasetIndex.ts';
import { SPLIT_LABEL } from './types.ts';

/** A count split by the published split; `other` holds raw split values, `all` every image. */
export interface SplitTally {
  readonly train: number;
  readonly test: number;
  readonly other: number;
  /** Images: train + test + other. Patients: distinct over all splits (a patient may be in two). */
  readonly all: number;
}

/** One value of a facet (a plane, a brain plane), in images and in distinct patients. */
export interface SplitRow {
  readonly label: string;
  readonly images: SplitTally;
  readonly patients: SplitTally;
}

/** One value of a facet and its number of images. */
export interface ValueRow {
  readonly label: string;
  readonly images: number;
}

/** One image size and how many images have it. */
export interface SizeCount {
  readonly width: number;
  readonly height: number;
  readonly images: number;
}

/** Minimum, median (the lower middle value of an even count) and maximum, in pixels. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** The image sizes of one group (a country, a machine). */
export interface SizeGroup {
  readonly label: string;
  readonly images: number;
  /** Images whose size is known yet. */
  readonly known: number;
  /** Distinct sizes, most images first, then by width and height. */
  readonly sizes: readonly SizeCount[];
  /** The first of `sizes`, or null when no size is known. */
  readonly commonest: SizeCount | null;
  /** The commonest size's images over `known`, 0..1; 0 when no size is known. */
  readonly commonestShare: number;
  readonly width: Spread | null;
  readonly height: Spread | null;
}

/** The image sizes of a selection, by country and by machine: what the size tables show. */
export interface SizeSummary {
  /** Countries with at least one image in the selection, in display order. */
  readonly byCountry: readonly SizeGroup[];
  /**
   * Machines with at least one image in the selection, in display order; images with no machine
   * (the African set) are in no group.
   */
  readonly byMachine: readonly SizeGroup[];
}

/** A patient with images in more than one split, and its images per split. */
export interface PatientSplits {
  readonly patient: string;
  readonly train: number;
  readonly test: number;
  readonly other: number;
}

/** Everything the charts and tables show about a selection. */
export interface Summary {
  readonly images: number;
  /** One row per dictionary value, in display order, zeros included (as in every list below). */
  readonly planes: readonly SplitRow[];
  readonly brainPlanes: readonly SplitRow[];
  readonly countries: readonly ValueRow[];
  readonly machines: readonly ValueRow[];
  readonly operators: readonly ValueRow[];
  readonly sizesByCountry: readonly SizeGroup[];
  readonly sizesByMachine: readonly SizeGroup[];
  /** Distinct patients per split. */
  readonly patients: SplitTally;
  /** In patient key order. */
  readonly patientsInSeveralSplits: readonly PatientSplits[];
}

const TRAIN = 0;
const TEST = 1;
const OTHER = 2;
const ALL = 3;

/**
 * Takes an index and a selection of its record ids (e.g. Evaluation.selection); returns its
 * summary. Counts over dictionary codes with typed arrays, chaining records by patient and by
 * group instead of building objects: O(selection + patients + values), plus a sort of each
 * group's distinct sizes. Ids outside the index are skipped. Never throws.
 */
export function summarize(index: DatasetIndex, selection: Uint32Array): Summary {
  const ids = withinIndex(selection, index.records.length);
  const planes = splitTallies(index.facets.plane);
  const brainPlanes = splitTallies(index.facets.brainPlane);
  const patients = countByPatient(index, ids, planes, brainPlanes);

  return {
    images: ids.length,
    planes: splitRows(planes),
    brainPlanes: splitRows(brainPlanes),
    countries: valueRows(index.facets.country, ids),
    machines: valueRows(index.facets.machine, ids),
    operators: valueRows(index.facets.operator, ids),
    sizesByCountry: sizeGroups(index, index.facets.country, ids),
    sizesByMachine: sizeGroups(index, index.facets.machine, ids),
    patients: patients.tally,
    patientsInSeveralSplits: patients.several,
  };
}

/**
 * Takes an index and a selection of its record ids; returns the image sizes per country and per
 * machine, as summarize does but keeping only groups with images in the selection, and without
 * summarize's pass by patient: cheap enough to run each time a batch of sizes arrives.
 * O(selection + groups), plus a sort of each group's distinct sizes. Ids outside the index are
 * skipped. Never throws.
 */
export function summarizeSizes(index: DatasetIndex, selection: Uint32Array): SizeSummary {
  const ids = withinIndex(selection, index.records.length);
  const inSelection = (group: SizeGroup) => group.images > 0;
  return {
    byCountry: sizeGroups(index, index.facets.country, ids).filter(inSelection),
    byMachine: sizeGroups(index, index.facets.machine, ids).filter(inSelection),
  };
}

/** The selection without ids outside the index (the selection itself when all are inside). */
function withinIndex(selection: Uint32Array, n: number): Uint32Array {
  let inside = 0;
  for (let j = 0; j < selection.length; j++) if ((selection[j] ?? n) < n) inside++;
  return inside === selection.length ? selection : selection.filter((id) => id < n);
}

/** Split code -> TRAIN, TEST or OTHER; NONE reads OTHER. */
function splitBuckets(split: FacetColumn): Uint8Array {
  const buckets = new Uint8Array(NONE + 1).fill(OTHER);
  split.values.forEach((label, code) => {
    if (label === SPLIT_LABEL.train) buckets[code] = TRAIN;
    else if (label === SPLIT_LABEL.test) buckets[code] = TEST;
  });
  return buckets;
}

/**
 * Positions in `ids` chained by group: the group's first position in `first`, then `next`, until
 * -1. One pass; positions come out in ascending order.
 */
function chain(codes: Uint16Array | Uint32Array, groups: number, ids: Uint32Array) {
  const first = new Int32Array(groups).fill(-1);
  const next = new Int32Array(ids.length);
  for (let j = ids.length - 1; j >= 0; j--) {
    const code = codes[ids[j] ?? 0] ?? NONE;
    if (code >= groups) continue;
    next[j] = first[code] ?? -1;
    first[code] = j;
  }
  return { first, next };
}

/** Per slot `code * 4 + bucket` (bucket ALL for every split): images and distinct patients. */
interface SplitTallies {
  readonly facet: FacetColumn;
  readonly images: Uint32Array;
  readonly patients: Uint32Array;
  /** 1 + the last patient counted in each slot. */
  readonly seen: Uint32Array;
}

function splitTallies(facet: FacetColumn): SplitTallies {
  const slots = facet.values.length * 4;
  return {
    facet,
    images: new Uint32Array(slots),
    patients: new Uint32Array(slots),
    seen: new Uint32Array(slots),
  };
}

function addImage(tallies: SplitTallies, id: number, bucket: number, stamp: number): void {
  const code = tallies.facet.codes[id] ?? NONE;
  if (code === NONE) return;
  const { images, patients, seen } = tallies;
  const slot = code * 4 + bucket;
  images[slot] = (images[slot] ?? 0) + 1;
  if (seen[slot] !== stamp) {
    seen[slot] = stamp;
    patients[slot] = (patients[slot] ?? 0) + 1;
  }
  if (seen[code * 4 + ALL] !== stamp) {
    seen[code * 4 + ALL] = stamp;
    patients[code * 4 + ALL] = (patients[code * 4 + ALL] ?? 0) + 1;
  }
}

/**
 * Walks the selection patient by patient: fills the split tallies (each patient is counted once
 * per slot) and counts patients per split, listing those in more than one.
 */
function countByPatient(
  index: DatasetIndex,
  ids: Uint32Array,
  planes: SplitTallies,
  brainPlanes: SplitTallies,
) {
  const keys = index.patients.values;
  const buckets = splitBuckets(index.facets.split);
  const splitCodes = index.facets.split.codes;
  const { first, next } = chain(index.patients.codes, keys.length, ids);
  const tally = { train: 0, test: 0, other: 0, all: 0 };
  const several: PatientSplits[] = [];

  for (let p = 0; p < keys.length; p++) {
    let train = 0;
    let test = 0;
    let other = 0;
    for (let j = first[p] ?? -1; j >= 0; j = next[j] ?? -1) {
      const id = ids[j] ?? 0;
      const bucket = buckets[splitCodes[id] ?? NONE] ?? OTHER;
      if (bucket === TRAIN) train++;
      else if (bucket === TEST) test++;
      else other++;
      addImage(planes, id, bucket, p + 1);
      addImage(brainPlanes, id, bucket, p + 1);
    }
    const splits = (train > 0 ? 1 : 0) + (test > 0 ? 1 : 0) + (other > 0 ? 1 : 0);
    if (splits === 0) continue;
    tally.train += train > 0 ? 1 : 0;
    tally.test += test > 0 ? 1 : 0;
    tally.other += other > 0 ? 1 : 0;
    tally.all += 1;
    if (splits > 1) several.push({ patient: keys[p] ?? '', train, test, other });
  }
  return { tally, several };
}

function splitRows({ facet, images, patients }: SplitTallies): SplitRow[] {
  const tallyAt = (counts: Uint32Array, code: number, sumAll: boolean): SplitTally => {
    const [train = 0, test = 0, other = 0, all = 0] = counts.subarray(code * 4, code * 4 + 4);
    return { train, test, other, all: sumAll ? train + test + other : all };
  };
  return facet.values.map((label, code) => ({
    label,
    images: tallyAt(images, code, true),
    patients: tallyAt(patients, code, false),
  }));
}

function valueRows(facet: FacetColumn, ids: Uint32Array): ValueRow[] {
  const images = new Uint32Array(facet.values.length);
  for (let j = 0; j < ids.length; j++) {
    const code = facet.codes[ids[j] ?? 0] ?? NONE;
    if (code !== NONE) images[code] = (images[code] ?? 0) + 1;
  }
  return facet.values.map((label, code) => ({ label, images: images[code] ?? 0 }));
}

function sizeGroups(index: DatasetIndex, facet: FacetColumn, ids: Uint32Array): SizeGroup[] {
  const { first, next } = chain(facet.codes, facet.values.length, ids);
  const perSize = new Uint32Array(index.sizes.length + 1);

  return facet.values.map((label, g) => {
    let images = 0;
    const seen: number[] = [];
    for (let j = first[g] ?? -1; j >= 0; j = next[j] ?? -1) {
      const code = index.sizeCodes[ids[j] ?? 0] ?? 0;
      images += 1;
      if (code === 0) continue;
      if (perSize[code] === 0) seen.push(code);
      perSize[code] = (perSize[code] ?? 0) + 1;
    }

    const sizes: SizeCount[] = seen.map((code) => {
      const { width = 0, height = 0 } = index.sizes[code - 1] ?? {};
      const count = perSize[code] ?? 0;
      perSize[code] = 0;
      return { width, height, images: count };
    });
    return { label, images, ...describeSizes(sizes) };
  });
}

/** From a group's distinct sizes to their order, the commonest and the spreads. */
function describeSizes(sizes: SizeCount[]) {
  sizes.sort((a, b) => b.images - a.images || a.width - b.width || a.height - b.height);
  const known = sizes.reduce((sum, size) => sum + size.images, 0);
  const commonest = sizes[0] ?? null;
  return {
    known,
    sizes,
    commonest,
    commonestShare: commonest === null ? 0 : commonest.images / known,
    width: spread(sizes, known, (size) => size.width),
    height: spread(sizes, known, (size) => size.height),
  };
}

/** Min, lower median and max of a dimension over sizes weighted by their images. */
function spread(
  sizes: readonly SizeCount[],
  known: number,
  dimension: (size: SizeCount) => number,
): Spread | null {
  if (known === 0) return null;
  const sorted = [...sizes].sort((a, b) => dimension(a) - dimension(b));
  const middle = Math.floor((known - 1) / 2);
  let seen = 0;
  let median = 0;
  for (const size of sorted) {
    seen += size.images;
    if (seen > middle) {
      median = dimension(size);
      break;
    }
  }
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return {
    min: first === undefined ? 0 : dimension(first),
    median,
    max: last === undefined ? 0 : dimension(last),
  };
}
