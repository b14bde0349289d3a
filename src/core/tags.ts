// Tags: words the user puts on images (`exclude`, `check`, or their own), kept per dataset by
// image file name, and the per-record bit masks the filter engine reads them as.

import type { DatasetIndex } from './datasetIndex.ts';
import type { DatasetId, ImageRecord } from './types.ts';

/** The tags offered before the user has made any. */
export const SUGGESTED_TAGS: readonly string[] = ['exclude', 'check'];

/** The most distinct tags a folder can hold: one bit each in a 32-bit mask. */
export const MAX_TAGS = 32;

/** The longest tag, in UTF-16 code units. */
export const MAX_TAG_LENGTH = 40;

/** Per dataset, per image file name (without `.png`), its tags. What the store keeps. */
export type StoredTags = Readonly<Record<string, readonly string[]>>;

/** The tags of an open folder, by record id (an empty array for an untagged image). */
export type RecordTags = readonly (readonly string[])[];

/** The Tag facet: its labels in display order, and per record the OR of `1 << position`. */
export interface TagMasks {
  readonly values: readonly string[];
  readonly masks: Uint32Array;
}

/**
 * Takes what the user typed; returns it as a tag (trimmed, inner runs of white space made one
 * space), or a reason it cannot be one: empty, longer than MAX_TAG_LENGTH, or holding a control
 * character or a semicolon. Case is kept: `Check` and `check` are two tags. Never throws.
 */
export function normaliseTag(
  typed: string,
): { ok: true; tag: string } | { ok: false; reason: string } {
  const tag = typed.trim().replace(/\s+/g, ' ');
  if (tag === '') return { ok: false, reason: 'A tag needs at least one letter.' };
  if (tag.length > MAX_TAG_LENGTH) {
    return { ok: false, reason: `A tag is at most ${MAX_TAG_LENGTH} characters long.` };
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(tag)) {
    return { ok: false, reason: 'A tag cannot hold control characters.' };
  }
  // Exports list an image's tags in one cell, separated by semicolons.
  if (tag.includes(';')) return { ok: false, reason: 'A tag cannot hold a semicolon.' };
  return { ok: true, tag };
}

/**
 * Takes a record; returns the key its tags are kept under within its dataset: the image's name
 * as its CSV row writes it. Unique within each dataset, and the same whether the user opens the
 * dataset's own folder or a parent of it, where the relative path would differ. Never throws.
 */
export function tagKey(record: ImageRecord): string {
  return record.name;
}

/**
 * Takes an index and the stored tags of each of its datasets; returns the tags by record id
 * (tags in the order stored, each once). Records of a dataset with nothing stored get none.
 * O(n); never throws.
 */
export function recordTags(
  index: DatasetIndex,
  stored: Readonly<Partial<Record<DatasetId, StoredTags>>>,
): RecordTags {
  return index.records.map((record) => {
    const tags = stored[record.dataset]?.[tagKey(record)];
    return tags === undefined ? [] : [...new Set(tags)];
  });
}

/**
 * Takes the tags by record id, record ids, a tag and whether to add or remove it; returns new
 * tags by record id (the input is not changed; records not in `ids` keep their arrays), and
 * whether anything changed. Adding a tag the folder does not hold yet when it holds MAX_TAGS
 * already is refused (`changed` false, `full` true). Ids outside the range are ignored.
 * O(n + ids); never throws.
 */
export function withTag(
  tags: RecordTags,
  ids: Iterable<number>,
  tag: string,
  add: boolean,
): { tags: RecordTags; changed: boolean; full: boolean } {
  if (add && !tagNames(tags).includes(tag) && tagNames(tags).length >= MAX_TAGS) {
    return { tags, changed: false, full: true };
  }
  const next = [...tags];
  let changed = false;
  for (const id of ids) {
    const current = next[id];
    if (current === undefined) continue;
    const has = current.includes(tag);
    if (add && !has) next[id] = [...current, tag];
    else if (!add && has) next[id] = current.filter((other) => other !== tag);
    else continue;
    changed = true;
  }
  return { tags: changed ? next : tags, changed, full: false };
}

/**
 * Takes an index and the tags by record id; returns per dataset what the store keeps (file name
 * to tags, untagged images left out, keys sorted so equal tags give equal objects). O(n log n);
 * never throws.
 */
export function storedTags(
  index: DatasetIndex,
  tags: RecordTags,
): Partial<Record<DatasetId, Record<string, readonly string[]>>> {
  const out: Partial<Record<DatasetId, Record<string, readonly string[]>>> = {};
  const entries = index.records
    .map((record, id) => ({ record, tags: tags[id] ?? [] }))
    .filter((entry) => entry.tags.length > 0)
    .map((entry) => ({
      dataset: entry.record.dataset,
      key: tagKey(entry.record),
      tags: entry.tags,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const dataset of new Set(index.records.map((record) => record.dataset))) out[dataset] = {};
  for (const { dataset, key, tags: own } of entries) {
    const bucket = out[dataset] ?? {};
    bucket[key] = own;
    out[dataset] = bucket;
  }
  return out;
}

/**
 * Takes the tags by record id; returns every tag in use, SUGGESTED_TAGS first (when in use), then
 * the others in code-unit order. O(n × tags); never throws.
 */
export function tagNames(tags: RecordTags): string[] {
  const seen = new Set<string>();
  for (const own of tags) for (const tag of own) seen.add(tag);
  const suggested = SUGGESTED_TAGS.filter((tag) => seen.has(tag));
  const others = [...seen].filter((tag) => !SUGGESTED_TAGS.includes(tag)).sort();
  return [...suggested, ...others];
}

/**
 * Takes the tags by record id; returns the Tag facet's labels (tagNames) and per record the OR of
 * `1 << position` of its tags. At most MAX_TAGS labels (withTag refuses more). O(n × tags);
 * never throws.
 */
export function tagMasks(tags: RecordTags): TagMasks {
  const values = tagNames(tags).slice(0, MAX_TAGS);
  const bit = new Map(values.map((tag, at) => [tag, (1 << at) >>> 0]));
  const masks = new Uint32Array(tags.length);
  tags.forEach((own, id) => {
    let mask = 0;
    for (const tag of own) mask |= bit.get(tag) ?? 0;
    masks[id] = mask >>> 0;
  });
  return { values, masks };
}
