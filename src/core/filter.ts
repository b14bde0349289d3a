// The filter engine: from an index and a filter state to the selection and the facet counts.

import { FINDING_BIT, FINDING_LABEL, RECORD_FINDING_KINDS } from './audit/audit.ts';
import { NONE, sizeCodeOf, sizeDisplayOrder, type DatasetIndex } from './datasetIndex.ts';
import {
  RECORD_FACET_KEYS,
  type FacetKey,
  type FilterState,
  type RecordFacetKey,
} from './facets.ts';
import { formatSize } from './format.ts';
import { queryMatches } from './query.ts';
import type { TagMasks } from './tags.ts';

/** What a filter keeps of an index. */
export interface Evaluation {
  /** Ids of the matching records, in index order. */
  readonly selection: Uint32Array;
  /** How many records the index holds (the "of N" beside the selection's length). */
  readonly total: number;
  /**
   * Per facet, per code: how many images the user would see with that value checked too, i.e.
   * with every other facet and the query applied but not this facet's own values. Record facets
   * are indexed by dictionary code; `size` by size code - 1, i.e. `counts.size[i]` is the count of
   * `index.sizes[i]`, over the sizes known when the evaluation was made (see facetValues for the
   * order the panel shows them in); `finding` by position in RECORD_FINDING_KINDS and `tag` by
   * position in the tag masks' values, an image with several counting once under each.
   */
  readonly counts: Readonly<Record<FacetKey, Uint32Array>>;
  /** The finding masks the evaluation was made with (null if none), which the refreshes reuse. */
  readonly findings: Uint8Array | null;
  /** The tag masks the evaluation was made with (null if none), which the refreshes reuse. */
  readonly tags: TagMasks | null;
}

/**
 * Takes an index, a filter, and optionally the finding masks (findingMasks: per record id the OR
 * of the FINDING_BIT of its findings) and the tag masks (tagMasks); returns the selection and the
 * facet counts. Values checked in one facet are OR-ed (a record passes Finding when it has any
 * checked kind, Tag when any checked tag), facets and the query are AND-ed; a record with no
 * value for a facet (or whose size is not known yet, or past the end of the masks) fails any
 * filter on it, and a label absent from the index (or from FINDING_LABEL, or the tags' values)
 * matches nothing. Without masks no record has a finding or a tag. Tight passes over typed
 * arrays (one per checked facet, one per facet to count): O(n * facets); the query's matches are
 * cached per index. Sizes are read as they are now: call again when `index.version` changes; the
 * masks are kept, not copied. Never throws.
 */
export function evaluate(
  index: DatasetIndex,
  filter: FilterState,
  findings?: Uint8Array,
  tags?: TagMasks,
): Evaluation {
  const n = index.records.length;
  // failures[id]: how many checked facets the record fails; QUERY_FAILED if the query fails it.
  const failures = new Uint8Array(n);
  const query = queryMatches(index, filter.query);
  if (query !== null) {
    for (let id = 0; id < n; id++) if (query[id] !== 1) failures[id] = QUERY_FAILED;
  }

  const allowed = new Map<RecordFacetKey, Uint8Array>();
  for (const key of RECORD_FACET_KEYS) {
    const checked = filter.facets[key] ?? [];
    if (checked.length === 0) continue;
    const facet = index.facets[key];
    const mask = new Uint8Array(NONE + 1);
    for (const label of checked) {
      const code = facet.lookup.get(label);
      if (code !== undefined) mask[code] = 1;
    }
    allowed.set(key, mask);
    markFailures(facet.codes, mask, failures);
  }
  const sizes = sizeMask(index, filter);
  if (sizes !== null) markFailures(index.sizeCodes, sizes, failures);
  const wanted = findingBits(filter);
  if (wanted !== null) markMaskFailures(findings ?? NO_FINDINGS, wanted, failures);
  const tagBits = tags === undefined ? TAG_BITS.slice(0, 0) : TAG_BITS.slice(0, tags.values.length);
  const wantedTags = checkedTagBits(filter, tags);
  if (wantedTags !== null) markMaskFailures(tags?.masks ?? NO_FINDINGS, wantedTags, failures);

  const selection = selectPassing(failures);
  const counts = {} as Record<FacetKey, Uint32Array>;
  for (const key of RECORD_FACET_KEYS) {
    const facet = index.facets[key];
    const mask = allowed.get(key);
    counts[key] =
      mask === undefined
        ? countSelected(facet.codes, NONE, selection, facet.values.length)
        : countNearMisses(facet.codes, NONE, mask, failures, facet.values.length);
  }
  // Slot 0 is size code 0, unknown: never counted, then dropped.
  const slots = index.sizes.length + 1;
  counts.size = (
    sizes === null
      ? countSelected(index.sizeCodes, 0, selection, slots)
      : countNearMisses(index.sizeCodes, 0, sizes, failures, slots)
  ).subarray(1);
  counts.finding = countMasks(findings ?? NO_FINDINGS, FINDING_BITS, wanted, failures);
  counts.tag = countMasks(tags?.masks ?? NO_FINDINGS, tagBits, wantedTags, failures);
  return { selection, total: n, counts, findings: findings ?? null, tags: tags ?? null };
}

/**
 * Takes an index, a filter and an evaluation of that filter on that index made earlier; returns
 * one that sees the sizes read since, with the finding masks the evaluation was made with. With
 * no size checked, sizes cannot change the selection: the result keeps the same selection array
 * and the other facets' counts, and counts the Size facet again over it (O(selection)). With a
 * size checked, it is evaluate(index, filter, evaluation.findings). Never throws.
 */
export function refreshSizes(
  index: DatasetIndex,
  filter: FilterState,
  evaluation: Evaluation,
): Evaluation {
  if ((filter.facets.size ?? []).length > 0) {
    return evaluate(index, filter, evaluation.findings ?? undefined, evaluation.tags ?? undefined);
  }
  const slots = index.sizes.length + 1;
  const size = countSelected(index.sizeCodes, 0, evaluation.selection, slots).subarray(1);
  return { ...evaluation, counts: { ...evaluation.counts, size } };
}

/**
 * Takes an index, a filter, an evaluation of that filter made earlier and new finding masks
 * (FINDING_BIT per record id, as findingMasks gives); returns one that sees those masks. With no
 * Finding value checked, findings cannot change the selection: the result keeps the same
 * selection array and the other facets' counts, and counts the Finding facet again over it
 * (O(selection)). With one checked, it is evaluate(index, filter, findings, the evaluation's
 * tags). Never throws.
 */
export function refreshFindings(
  index: DatasetIndex,
  filter: FilterState,
  evaluation: Evaluation,
  findings: Uint8Array,
): Evaluation {
  if (findingBits(filter) !== null) {
    return evaluate(index, filter, findings, evaluation.tags ?? undefined);
  }
  const finding = countSelectedMasks(findings, FINDING_BITS, evaluation.selection);
  return { ...evaluation, counts: { ...evaluation.counts, finding }, findings };
}

/**
 * Takes an index, a filter, an evaluation of that filter made earlier and new tag masks; returns
 * one that sees those tags, as refreshFindings does for findings: with no Tag value checked, the
 * same selection and the Tag facet counted again over it (O(selection × tags)); with one
 * checked, evaluate(index, filter, the evaluation's findings, tags). Never throws.
 */
export function refreshTags(
  index: DatasetIndex,
  filter: FilterState,
  evaluation: Evaluation,
  tags: TagMasks,
): Evaluation {
  if ((filter.facets.tag ?? []).length > 0) {
    return evaluate(index, filter, evaluation.findings ?? undefined, tags);
  }
  const bits = TAG_BITS.slice(0, tags.values.length);
  const tag = countSelectedMasks(tags.masks, bits, evaluation.selection);
  return { ...evaluation, counts: { ...evaluation.counts, tag }, tags };
}

/** One facet as the filter panel lists it: labels in display order, and their counts beside. */
export interface FacetValues {
  readonly values: readonly string[];
  readonly counts: Uint32Array;
}

/**
 * Takes an index, an evaluation of it and a facet; returns the facet's labels in display order
 * with their counts aligned. A record facet gives its dictionary and the evaluation's counts as
 * they are (same objects); `finding` every FINDING_LABEL in RECORD_FINDING_KINDS order, zeros
 * included, and its counts as they are; `tag` the tags' values (none without tags). `size` gives every size the evaluation counted, as `W×H`,
 * smallest area first, then narrowest (sizeDisplayOrder): an order that stays put as counts
 * change and sizes arrive. O(s log s) for size, O(1) otherwise; never throws.
 */
export function facetValues(
  index: DatasetIndex,
  evaluation: Evaluation,
  key: FacetKey,
): FacetValues {
  if (key === 'finding') return { values: FINDING_VALUES, counts: evaluation.counts.finding };
  if (key === 'tag')
    return { values: evaluation.tags?.values ?? [], counts: evaluation.counts.tag };
  if (key !== 'size') return { values: index.facets[key].values, counts: evaluation.counts[key] };

  const counted = evaluation.counts.size;
  const codes = sizeDisplayOrder(index).filter((code) => code <= counted.length);
  return {
    values: codes.map((code) => {
      const { width = 0, height = 0 } = index.sizes[code - 1] ?? {};
      return formatSize(width, height);
    }),
    counts: Uint32Array.from(codes, (code) => counted[code - 1] ?? 0),
  };
}

/**
 * Takes a facet's values and the labels checked in it; returns only the values counted at least
 * once or checked (so a checked value can still be unchecked), counts aligned. The same object
 * when none is dropped. O(values * checked); never throws.
 */
export function withoutEmpty(facet: FacetValues, checked: readonly string[]): FacetValues {
  const kept: number[] = [];
  facet.values.forEach((value, at) => {
    if ((facet.counts[at] ?? 0) > 0 || checked.includes(value)) kept.push(at);
  });
  if (kept.length === facet.values.length) return facet;
  return {
    values: kept.map((at) => facet.values[at] ?? ''),
    counts: Uint32Array.from(kept, (at) => facet.counts[at] ?? 0),
  };
}

/** More than any number of facets: a record the query rejects is counted nowhere. */
const QUERY_FAILED = 0x80;

/** The Finding facet's labels and bits, in RECORD_FINDING_KINDS order. */
const FINDING_VALUES: readonly string[] = RECORD_FINDING_KINDS.map((kind) => FINDING_LABEL[kind]);
const FINDING_BITS = Uint8Array.from(RECORD_FINDING_KINDS, (kind) => FINDING_BIT[kind]);
const BIT_OF_LABEL: ReadonlyMap<string, number> = new Map(
  RECORD_FINDING_KINDS.map((kind) => [FINDING_LABEL[kind], FINDING_BIT[kind]]),
);
const NO_FINDINGS = new Uint8Array(0);

/** The OR of the checked Finding labels' bits (0 when none is known); null when none is checked. */
function findingBits(filter: FilterState): number | null {
  const checked = filter.facets.finding ?? [];
  if (checked.length === 0) return null;
  let bits = 0;
  for (const label of checked) bits |= BIT_OF_LABEL.get(label) ?? 0;
  return bits;
}

/** Bit `at` of a tag mask, for every position a tag can have. */
const TAG_BITS = Uint32Array.from({ length: 32 }, (_, at) => (1 << at) >>> 0);

/** The OR of the checked tags' bits (0 when none is known); null when none is checked. */
function checkedTagBits(filter: FilterState, tags: TagMasks | undefined): number | null {
  const checked = filter.facets.tag ?? [];
  if (checked.length === 0) return null;
  let bits = 0;
  for (const label of checked) {
    const at = tags?.values.indexOf(label) ?? -1;
    if (at >= 0) bits |= TAG_BITS[at] ?? 0;
  }
  return bits >>> 0;
}

type Masks = Uint8Array | Uint32Array;

/** Records past the end of the masks have none of their values, so they fail too. */
function markMaskFailures(masks: Masks, wanted: number, failures: Uint8Array): void {
  const known = Math.min(masks.length, failures.length);
  for (let id = 0; id < known; id++) {
    if (((masks[id] ?? 0) & wanted) === 0) failures[id] = (failures[id] ?? 0) + 1;
  }
  for (let id = known; id < failures.length; id++) failures[id] = (failures[id] ?? 0) + 1;
}

/** Per bit, records with it that pass everything but, possibly, this facet. */
function countMasks(
  masks: Masks,
  bits: Uint8Array | Uint32Array,
  wanted: number | null,
  failures: Uint8Array,
): Uint32Array {
  const counts = new Uint32Array(bits.length);
  const known = Math.min(masks.length, failures.length);
  for (let id = 0; id < known; id++) {
    const mask = masks[id] ?? 0;
    if (mask === 0) continue;
    const failed = failures[id] ?? 0;
    if (failed > 1) continue;
    // One failure is a near miss only when it is this facet's: the record has no checked value.
    if (failed === 1 && (wanted === null || (mask & wanted) !== 0)) continue;
    for (let at = 0; at < bits.length; at++) {
      if ((mask & (bits[at] ?? 0)) !== 0) counts[at] = (counts[at] ?? 0) + 1;
    }
  }
  return counts;
}

/** Per bit, records of the selection with it: a facet with nothing checked. */
function countSelectedMasks(
  masks: Masks,
  bits: Uint8Array | Uint32Array,
  selection: Uint32Array,
): Uint32Array {
  const counts = new Uint32Array(bits.length);
  for (const id of selection) {
    const mask = masks[id] ?? 0;
    if (mask === 0) continue;
    for (let at = 0; at < bits.length; at++) {
      if ((mask & (bits[at] ?? 0)) !== 0) counts[at] = (counts[at] ?? 0) + 1;
    }
  }
  return counts;
}

/** Per size code, 1 if checked; null when no size is checked. Code 0 (unknown) is never. */
function sizeMask(index: DatasetIndex, filter: FilterState): Uint8Array | null {
  const checked = filter.facets.size ?? [];
  if (checked.length === 0) return null;
  const mask = new Uint8Array(index.sizes.length + 1);
  for (const label of checked) {
    const code = sizeCodeOf(index, label);
    if (code !== 0) mask[code] = 1;
  }
  return mask;
}

type Codes = Uint16Array | Uint32Array;

function markFailures(codes: Codes, allowed: Uint8Array, failures: Uint8Array): void {
  for (let id = 0; id < codes.length; id++) {
    if (allowed[codes[id] ?? 0] !== 1) failures[id] = (failures[id] ?? 0) + 1;
  }
}

function selectPassing(failures: Uint8Array): Uint32Array {
  let passing = 0;
  for (let id = 0; id < failures.length; id++) if (failures[id] === 0) passing++;
  const selection = new Uint32Array(passing);
  let at = 0;
  for (let id = 0; id < failures.length; id++) if (failures[id] === 0) selection[at++] = id;
  return selection;
}

/** Counts per code over the selection, `none` left out: a facet with nothing checked. */
function countSelected(
  codes: Codes,
  none: number,
  selection: Uint32Array,
  size: number,
): Uint32Array {
  const counts = new Uint32Array(size);
  const everything = selection.length === codes.length;
  for (let at = 0; at < selection.length; at++) {
    const code = codes[everything ? at : (selection[at] ?? 0)] ?? none;
    if (code !== none) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** Counts per code over records that pass everything but, possibly, this facet. */
function countNearMisses(
  codes: Codes,
  none: number,
  allowed: Uint8Array,
  failures: Uint8Array,
  size: number,
): Uint32Array {
  const counts = new Uint32Array(size);
  for (let id = 0; id < codes.length; id++) {
    const failed = failures[id] ?? 0;
    if (failed > 1) continue;
    const code = codes[id] ?? none;
    if (code === none) continue;
    if (failed === 0 || allowed[code] !== 1) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}
