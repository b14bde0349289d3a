// Duplicates: files with identical bytes (a content hash), and images that look the same (a 64-bit
// perceptual hash within a Hamming distance).

import { NONE, type DatasetIndex } from '../datasetIndex.ts';
import { SPLIT_LABEL } from '../types.ts';
import { UnionFind, chunkOf, popCount } from './bits.ts';

/** Images with identical bytes. */
export interface ExactDuplicateGroup {
  readonly hash: string;
  /** Two or more record ids, in index order. */
  readonly ids: readonly number[];
  /** Some members are in Train and some in Test. */
  readonly crossSplit: boolean;
  /** The members belong to two or more patients. */
  readonly crossPatient: boolean;
}

/**
 * Takes an index and, by record id, each image's content hash (e.g. hex SHA-256; undefined or ''
 * for an image not read yet; positions past the index are ignored); returns the groups of two or
 * more ids whose hashes are equal (compared as written, case included). Groups that span Train and
 * Test or two patients come first, then larger groups, then by first id. O(n) plus the sort of
 * the groups; never throws.
 */
export function findExactDuplicates(
  index: DatasetIndex,
  contentHashes: readonly (string | undefined)[],
): ExactDuplicateGroup[] {
  const byHash = new Map<string, number[]>();
  const n = Math.min(index.records.length, contentHashes.length);
  for (let id = 0; id < n; id++) {
    const hash = contentHashes[id];
    if (hash === undefined || hash === '') continue;
    const ids = byHash.get(hash);
    if (ids === undefined) byHash.set(hash, [id]);
    else ids.push(id);
  }

  const groups: ExactDuplicateGroup[] = [];
  for (const [hash, ids] of byHash) {
    if (ids.length < 2) continue;
    const { patients, crossSplit } = membership(index, ids);
    groups.push({ hash, ids, crossSplit, crossPatient: patients > 1 });
  }
  return groups.sort(
    (a, b) =>
      flag(b.crossSplit || b.crossPatient) - flag(a.crossSplit || a.crossPatient) ||
      b.ids.length - a.ids.length ||
      (a.ids[0] ?? 0) - (b.ids[0] ?? 0),
  );
}

/** The Hamming distance, in bits of 64, at or under which two images are near duplicates. */
export const NEAR_DUPLICATE_DEFAULT_BITS = 6;
/** The least threshold: perceptual hashes equal, bytes different. */
export const NEAR_DUPLICATE_MIN_BITS = 0;
/** The greatest threshold: past it, the search below would compare most pairs. */
export const NEAR_DUPLICATE_MAX_BITS = 12;

/** Images whose perceptual hashes are linked by distances within the threshold. */
export interface NearDuplicateGroup {
  /** Two or more record ids, in index order. */
  readonly ids: readonly number[];
  /** `ids` partitioned by patient and plane (a fold of look-alike frames), by first id. */
  readonly folds: readonly (readonly number[])[];
  /** Distinct patients among the members. */
  readonly patients: number;
  /** Some members are in Train and some in Test. */
  readonly crossSplit: boolean;
}

/** Near duplicates in three lists that never mix; each ordered as findExactDuplicates orders. */
export interface NearDuplicates {
  /** The threshold used, in bits, after clamping. */
  readonly bits: number;
  /** Clusters whose members span two or more patients (their folds are listed too). */
  readonly crossPatient: readonly NearDuplicateGroup[];
  /** Clusters of one patient spanning two or more planes: one view labelled twice, or two alike. */
  readonly crossPlane: readonly NearDuplicateGroup[];
  /** Frames of one patient and plane linked within that patient and plane: expected, `K of N`. */
  readonly samePatient: readonly NearDuplicateGroup[];
}

/** What findNearDuplicates takes beside the perceptual hashes. */
export interface NearDuplicateOptions {
  /** Hamming distance threshold in bits, NEAR_DUPLICATE_MIN_BITS..NEAR_DUPLICATE_MAX_BITS. */
  readonly bits?: number;
  /** By record id, as findExactDuplicates takes them: exact duplicates take part once. */
  readonly contentHashes?: readonly (string | undefined)[];
}

/**
 * Takes an index, by record id each image's 64-bit perceptual hash as an unsigned bigint
 * (undefined when not read yet; other bigints are taken modulo 2^64), and options; returns the
 * near-duplicate groups. Two images are linked when their hashes differ in at most `bits` bits
 * (default NEAR_DUPLICATE_DEFAULT_BITS; a value outside the range is clamped, a non-number read
 * as the default); a cluster is what the links join (single linkage). Of images with the same
 * content hash, only the lowest id with a perceptual hash takes part: the rest are exact
 * duplicates, reported by findExactDuplicates alone.
 *
 * The rule that keeps expected look-alikes apart: a cluster spanning two or more patients is one
 * `crossPatient` group, and one spanning two or more planes of a single patient is one
 * `crossPlane` group, each listing every member and, in `folds`, the members by patient and
 * plane. Separately, frames linked by pairs within one patient and plane form the `samePatient`
 * groups, whether or not their cluster also reaches other patients; so an id can be in a
 * cross group and a same-patient group, but no group mixes the two kinds.
 *
 * By pigeonhole, hashes within t bits agree exactly on one of t + 1 disjoint chunks of their
 * bits, so each chunk's equal values are bucketed and only pairs within a bucket are compared
 * (multi-index hashing): O(m n log n + P) for m = max(t + 1, 2) chunks and P pairs sharing a
 * chunk. For evenly spread hashes P is about m n^2 / 2^(64/m + 1): some 1 million pairs for
 * 12,400 images at 6 bits, 34 million at 12; hashes crowding into one chunk value make it
 * O(n^2) at worst. Never throws.
 */
export function findNearDuplicates(
  index: DatasetIndex,
  perceptualHashes: readonly (bigint | undefined)[],
  options: NearDuplicateOptions = {},
): NearDuplicates {
  const bits = clampBits(options.bits);
  const candidates = nearCandidates(index, perceptualHashes, options.contentHashes ?? []);
  const count = candidates.ids.length;
  const clusters = new UnionFind(count);
  const folds = new UnionFind(count);

  const chunks = Math.max(bits + 1, 2);
  // Chunk value and candidate number packed in one float, so that a plain numeric sort (no
  // comparator) groups equal chunks: exact below 2^53, i.e. for up to 2^21 candidates.
  const spread = 2 ** Math.max(1, Math.ceil(Math.log2(count + 1)));
  const packed = new Float64Array(count);
  const keys = new Float64Array(count);
  const order = new Uint32Array(count);
  let start = 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    const width = Math.floor(64 / chunks) + (chunk < 64 % chunks ? 1 : 0);
    for (let c = 0; c < count; c++) {
      packed[c] = chunkOf(candidates.hi[c] ?? 0, candidates.lo[c] ?? 0, start, width) * spread + c;
    }
    start += width;
    packed.sort();
    for (let i = 0; i < count; i++) {
      const value = packed[i] ?? 0;
      keys[i] = Math.floor(value / spread);
      order[i] = value - (keys[i] ?? 0) * spread;
    }

    for (let run = 0; run < count;) {
      let end = run + 1;
      while (end < count && keys[end] === keys[run]) end++;
      for (let i = run; i < end; i++) {
        const a = order[i] ?? 0;
        for (let j = i + 1; j < end; j++) link(candidates, clusters, folds, a, order[j] ?? 0, bits);
      }
      run = end;
    }
  }

  return { bits, ...nearGroups(index, candidates, clusters, folds) };
}

/** The images that take part in the near-duplicate search, by candidate number (id order). */
interface Candidates {
  readonly ids: Uint32Array;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  /** Patient code and plane code, as one number: equal for frames of one patient and plane. */
  readonly fold: Float64Array;
}

function nearCandidates(
  index: DatasetIndex,
  perceptualHashes: readonly (bigint | undefined)[],
  contentHashes: readonly (string | undefined)[],
): Candidates {
  const n = Math.min(index.records.length, perceptualHashes.length);
  const taken = new Set<string>();
  const ids: number[] = [];
  const hashes: bigint[] = [];
  for (let id = 0; id < n; id++) {
    const hash = perceptualHashes[id];
    if (hash === undefined) continue;
    const content = contentHashes[id];
    if (content !== undefined && content !== '') {
      if (taken.has(content)) continue;
      taken.add(content);
    }
    ids.push(id);
    hashes.push(BigInt.asUintN(64, hash));
  }

  const planes = index.facets.plane;
  const slots = planes.values.length + 1;
  return {
    ids: Uint32Array.from(ids),
    hi: Uint32Array.from(hashes, (hash) => Number(hash >> 32n)),
    lo: Uint32Array.from(hashes, (hash) => Number(hash & 0xffffffffn)),
    fold: Float64Array.from(ids, (id) => {
      const plane = planes.codes[id] ?? NONE;
      return (index.patients.codes[id] ?? 0) * slots + (plane === NONE ? slots - 1 : plane);
    }),
  };
}

/** Joins candidates a and b when their hashes are within `bits`. */
function link(
  candidates: Candidates,
  clusters: UnionFind,
  folds: UnionFind,
  a: number,
  b: number,
  bits: number,
): void {
  const { hi, lo } = candidates;
  const distance =
    popCount(((hi[a] ?? 0) ^ (hi[b] ?? 0)) >>> 0) + popCount(((lo[a] ?? 0) ^ (lo[b] ?? 0)) >>> 0);
  if (distance > bits) return;
  clusters.union(a, b);
  if (candidates.fold[a] === candidates.fold[b]) folds.union(a, b);
}

function nearGroups(
  index: DatasetIndex,
  candidates: Candidates,
  clusters: UnionFind,
  folds: UnionFind,
): Omit<NearDuplicates, 'bits'> {
  const crossPatient: NearDuplicateGroup[] = [];
  const crossPlane: NearDuplicateGroup[] = [];
  for (const members of membersOf(clusters, candidates.ids.length)) {
    const byFold = new Map<number, number[]>();
    for (const c of members) {
      const key = candidates.fold[c] ?? 0;
      const fold = byFold.get(key);
      if (fold === undefined) byFold.set(key, [candidates.ids[c] ?? 0]);
      else fold.push(candidates.ids[c] ?? 0);
    }
    if (byFold.size < 2) continue;
    const ids = members.map((c) => candidates.ids[c] ?? 0);
    const group = { ids, folds: [...byFold.values()], ...membership(index, ids) };
    (group.patients > 1 ? crossPatient : crossPlane).push(group);
  }

  const samePatient = membersOf(folds, candidates.ids.length).map((members) => {
    const ids = members.map((c) => candidates.ids[c] ?? 0);
    return { ids, folds: [ids], ...membership(index, ids) };
  });
  return {
    crossPatient: sorted(crossPatient),
    crossPlane: sorted(crossPlane),
    samePatient: sorted(samePatient),
  };
}

/** The sets of two or more candidates, each in candidate (so id) order. */
function membersOf(sets: UnionFind, count: number): number[][] {
  const byRoot = new Map<number, number[]>();
  for (let c = 0; c < count; c++) {
    const root = sets.find(c);
    const members = byRoot.get(root);
    if (members === undefined) byRoot.set(root, [c]);
    else members.push(c);
  }
  return [...byRoot.values()].filter((members) => members.length > 1);
}

function sorted(groups: NearDuplicateGroup[]): NearDuplicateGroup[] {
  return groups.sort(
    (a, b) =>
      flag(b.crossSplit) - flag(a.crossSplit) ||
      b.ids.length - a.ids.length ||
      (a.ids[0] ?? 0) - (b.ids[0] ?? 0),
  );
}

/** How many patients the ids belong to, and whether they hold both Train and Test images. */
function membership(index: DatasetIndex, ids: readonly number[]) {
  const split = index.facets.split;
  const train = split.lookup.get(SPLIT_LABEL.train);
  const test = split.lookup.get(SPLIT_LABEL.test);
  const patients = new Set<number>();
  let inTrain = false;
  let inTest = false;
  for (const id of ids) {
    patients.add(index.patients.codes[id] ?? 0);
    const code = split.codes[id];
    inTrain ||= code === train;
    inTest ||= code === test;
  }
  return { patients: patients.size, crossSplit: inTrain && inTest };
}

function flag(value: boolean): number {
  return value ? 1 : 0;
}

function clampBits(bits: number | undefined): number {
  if (bits === undefined || Number.isNaN(bits)) return NEAR_DUPLICATE_DEFAULT_BITS;
  const whole = Math.floor(bits);
  return Math.min(NEAR_DUPLICATE_MAX_BITS, Math.max(NEAR_DUPLICATE_MIN_BITS, whole));
}
