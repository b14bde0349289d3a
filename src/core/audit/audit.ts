// The audit as the Audit tab lists it: every finding over one folder, from the index, the load's
// problems and the hashes read so far, and per record the findings it is part of.

import type { DatasetIndex } from '../datasetIndex.ts';
import type { Problem } from '../types.ts';
import { centeredHashes } from './phash.ts';
import {
  findExactDuplicates,
  findNearDuplicates,
  type ExactDuplicateGroup,
  type NearDuplicates,
} from './duplicates.ts';
import { findLeakage, type LeakedPatient } from './leakage.ts';
import { findUnusualSizes, type UnusualSize } from './sizes.ts';

/** What kind of thing an audit found: a heading of the Audit tab and a value of its facet. */
export type FindingKind =
  | 'missing' // a row whose image is not in the folder
  | 'unlisted' // a file no row names
  | 'unreadable' // empty, truncated, or not a PNG
  | 'leakage' // a patient in more than one split
  | 'exact-duplicate' // files with identical bytes
  | 'near-duplicate' // images that look the same
  | 'unusual-size'; // a size rare within its country or machine

/** The kinds of finding in the order the Audit tab lists them. */
export const FINDING_KINDS: readonly FindingKind[] = [
  'missing',
  'unlisted',
  'unreadable',
  'leakage',
  'exact-duplicate',
  'near-duplicate',
  'unusual-size',
];

/** The heading each kind of finding is listed under. */
export const FINDING_HEADING: Readonly<Record<FindingKind, string>> = {
  missing: 'Missing images',
  unlisted: 'Files without a row',
  unreadable: 'Unreadable images',
  leakage: 'Patients in more than one split',
  'exact-duplicate': 'Exact duplicates',
  'near-duplicate': 'Near duplicates',
  'unusual-size': 'Unusual sizes',
};

/** The kinds of finding a record can be part of: a file without a row is no record. */
export type RecordFindingKind = Exclude<FindingKind, 'unlisted'>;

/** The record finding kinds, in FINDING_KINDS order. */
export const RECORD_FINDING_KINDS: readonly RecordFindingKind[] = FINDING_KINDS.filter(
  (kind): kind is RecordFindingKind => kind !== 'unlisted',
);

/** Each record finding kind's bit in findingMasks. */
export const FINDING_BIT: Readonly<Record<RecordFindingKind, number>> = {
  missing: 1,
  unreadable: 2,
  leakage: 4,
  'exact-duplicate': 8,
  'near-duplicate': 16,
  'unusual-size': 32,
};

/** How the Finding facet labels each record finding kind. */
export const FINDING_LABEL: Readonly<Record<RecordFindingKind, string>> = {
  missing: 'Missing image',
  unreadable: 'Unreadable image',
  leakage: 'Patient in more than one split',
  'exact-duplicate': 'Exact duplicate',
  'near-duplicate': 'Near duplicate',
  'unusual-size': 'Unusual size',
};

/** A row whose image is not in the folder. */
export interface MissingImage {
  /** The first row naming the file (the one its link opens). */
  readonly id: number;
  /** Every row naming the file, in row order: a file may be listed twice. */
  readonly ids: readonly number[];
  /** Where the row expects the image. */
  readonly file: string;
}

/** A file in the folder that no row names (or a second copy of a name a row uses). */
export interface UnlistedFile {
  readonly file: string;
  /** True for a copy of a file name a row already uses elsewhere in the folder. */
  readonly copy: boolean;
}

/** An image file that could not be read as a PNG. */
export interface UnreadableImage {
  /** The first row naming the file (the one its link opens). */
  readonly id: number;
  /** Every row naming the file, in row order. */
  readonly ids: readonly number[];
  readonly file: string;
  /** Why, as a user reads it: `the file is empty`, `not a PNG file`… */
  readonly reason: string;
}

/** What the audit reads besides the index. */
export interface AuditInputs {
  /** The load's problems and those the image pass added (missing, unlisted, unreadable). */
  readonly problems: readonly Problem[];
  /** By record id, hex SHA-256 of the file's bytes; undefined until read. */
  readonly contentHashes: readonly (string | undefined)[];
  /** By record id, the image's lowFrequencies; undefined until read. */
  readonly frequencies: readonly (Float32Array | undefined)[];
  /** The near-duplicate threshold in bits (see findNearDuplicates). */
  readonly nearBits?: number;
}

/** Every finding of an audit, by heading. */
export interface Audit {
  readonly missing: readonly MissingImage[];
  readonly unlisted: readonly UnlistedFile[];
  readonly unreadable: readonly UnreadableImage[];
  readonly leakage: readonly LeakedPatient[];
  readonly exactDuplicates: readonly ExactDuplicateGroup[];
  readonly nearDuplicates: NearDuplicates;
  readonly unusualSizes: readonly UnusualSize[];
}

/**
 * Takes an index and the audit's inputs; returns every finding. Missing, unlisted and unreadable
 * files come from the problems (in their order; an unreadable file that is no record's image is
 * left out, and so is a file reported twice); the rest from findLeakage, findExactDuplicates,
 * findNearDuplicates over the frequencies' centeredHashes (exact
 * duplicates take part once) and findUnusualSizes over the index as it
 * is now. O(n + problems) plus those searches; never throws.
 */
export function runAudit(index: DatasetIndex, inputs: AuditInputs): Audit {
  const idsOf = new Map<string, number[]>();
  index.records.forEach((record, id) => {
    const ids = idsOf.get(record.path);
    if (ids) ids.push(id);
    else idsOf.set(record.path, [id]);
  });
  const missing: MissingImage[] = [];
  const unlisted: UnlistedFile[] = [];
  const unreadable: UnreadableImage[] = [];
  const seen = new Set<string>();
  for (const problem of inputs.problems) {
    const kind = problem.kind;
    if (kind !== 'missing-image' && kind !== 'unlisted-file' && kind !== 'duplicate-file') {
      if (kind !== 'unreadable-image') continue;
    }
    const once = `${kind}\u0000${problem.file}`;
    if (seen.has(once)) continue;
    seen.add(once);
    if (kind === 'unlisted-file' || kind === 'duplicate-file') {
      unlisted.push({ file: problem.file, copy: kind === 'duplicate-file' });
      continue;
    }
    const ids = idsOf.get(problem.file);
    const id = ids?.[0];
    if (ids === undefined || id === undefined) continue;
    if (kind === 'missing-image') missing.push({ id, ids, file: problem.file });
    else {
      unreadable.push({ id, ids, file: problem.file, reason: problem.reason ?? problem.message });
    }
  }
  const perceptual = centeredHashes(inputs.frequencies);
  return {
    missing,
    unlisted,
    unreadable,
    leakage: findLeakage(index),
    exactDuplicates: findExactDuplicates(index, inputs.contentHashes),
    nearDuplicates: findNearDuplicates(index, perceptual, {
      bits: inputs.nearBits,
      contentHashes: inputs.contentHashes,
    }),
    unusualSizes: findUnusualSizes(index),
  };
}

/**
 * Takes an index and an audit of it; returns per record id the OR of FINDING_BIT of every finding
 * the record is part of. Near duplicates count only across patients or planes: frames of one
 * patient and plane are expected to look alike. Ids outside the index are ignored. O(n + ids in
 * findings); never throws.
 */
export function findingMasks(index: DatasetIndex, audit: Audit): Uint8Array {
  const masks = new Uint8Array(index.records.length);
  const mark = (ids: Iterable<number>, kind: RecordFindingKind) => {
    for (const id of ids) {
      if (id >= 0 && id < masks.length) masks[id] = (masks[id] ?? 0) | FINDING_BIT[kind];
    }
  };
  for (const found of audit.missing) mark(found.ids, 'missing');
  for (const found of audit.unreadable) mark(found.ids, 'unreadable');
  for (const patient of audit.leakage) {
    for (const split of patient.splits) mark(split.ids, 'leakage');
  }
  for (const group of audit.exactDuplicates) mark(group.ids, 'exact-duplicate');
  const near = audit.nearDuplicates;
  for (const group of [...near.crossPatient, ...near.crossPlane]) mark(group.ids, 'near-duplicate');
  for (const size of audit.unusualSizes) mark(size.ids, 'unusual-size');
  return masks;
}

/**
 * Takes an audit and a kind of finding; returns how many entries its heading lists: files for
 * missing, unlisted and unreadable; patients for leakage; groups for duplicates (near: across
 * patients or planes only); sizes for unusual sizes. Never throws.
 */
export function findingCount(audit: Audit, kind: FindingKind): number {
  switch (kind) {
    case 'missing':
      return audit.missing.length;
    case 'unlisted':
      return audit.unlisted.length;
    case 'unreadable':
      return audit.unreadable.length;
    case 'leakage':
      return audit.leakage.length;
    case 'exact-duplicate':
      return audit.exactDuplicates.length;
    case 'near-duplicate':
      return audit.nearDuplicates.crossPatient.length + audit.nearDuplicates.crossPlane.length;
    case 'unusual-size':
      return audit.unusualSizes.length;
  }
}
