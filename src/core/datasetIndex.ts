// The index: one row per image, held in columns of small integers so filters scan typed arrays.

import { parseSizeLabel, type FacetKey, type RecordFacetKey } from './facets.ts';
import { DATASET_LABEL, SPLIT_LABEL, type DatasetId, type ImageRecord } from './types.ts';

/** The code of "no value" in a facet column (e.g. the operator of an African image). */
export const NONE = 0xffff;

/** One facet in columns: `codes[id]` indexes `values`, or is NONE. */
export interface FacetColumn {
  /** The distinct labels, in display order. */
  readonly values: readonly string[];
  readonly codes: Uint16Array;
  /** Label -> code. */
  readonly lookup: ReadonlyMap<string, number>;
}

/** Patients in columns: `codes[id]` indexes `values`, the dataset-qualified patient keys. */
export interface PatientColumn {
  readonly values: readonly string[];
  readonly codes: Uint32Array;
}

/** A width and height in pixels. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Every image of the opened folder. Record ids are positions in `records`. Sizes are filled in
 * as headers are read (setImageSize); `version` changes whenever they do.
 */
export interface DatasetIndex {
  readonly records: readonly ImageRecord[];
  /** The record facets; `size` is held by `sizeCodes` and `sizes` instead. */
  readonly facets: Readonly<Record<RecordFacetKey, FacetColumn>>;
  readonly patients: PatientColumn;
  /** 1 when the image file is in the folder. */
  readonly present: Uint8Array;
  /** Pixels; 0 = unknown yet. */
  readonly width: Uint32Array;
  readonly height: Uint32Array;
  /** File size in bytes; 0 = unknown yet. */
  readonly bytes: Float64Array;
  /** 1 + the position of the record's size in `sizes`; 0 = unknown yet. */
  readonly sizeCodes: Uint32Array;
  /** The distinct sizes seen so far, in the order they were first seen. Appended to only. */
  readonly sizes: ImageSize[];
  /** Per record, lowercased and NUL-separated: file name (and CSV name if other), patient key. */
  readonly search: readonly string[];
  /** Bumped by every change to sizes or bytes. */
  version: number;
  /** How many records have a known width and height. */
  sizesKnown: number;
}

const DATASET_ORDER: readonly DatasetId[] = ['fetal', 'african'];
const FIRST: Partial<Record<FacetKey, readonly string[]>> = {
  dataset: DATASET_ORDER.map((id) => DATASET_LABEL[id]),
  split: [SPLIT_LABEL.train, SPLIT_LABEL.test],
};
const LAST: readonly string[] = ['Other', 'Not A Brain'];
const collator = new Intl.Collator('en', { numeric: true });

/** Takes two labels; orders them naturally (`Op. 2` before `Op. 10`), ties broken by code unit. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Takes a facet; returns the comparator of its display order: datasets FETAL_PLANES_DB first,
 * splits Train then Test, `Other` then `Not A Brain` last, the rest in natural order.
 */
export function displayOrder(key: FacetKey): (a: string, b: string) => number {
  const first = FIRST[key] ?? [];
  const weight = (label: string): number => {
    const head = first.indexOf(label);
    if (head >= 0) return head - first.length;
    const tail = LAST.indexOf(label);
    return tail >= 0 ? tail + 1 : 0;
  };
  return (a, b) => weight(a) - weight(b) || naturalCompare(a, b);
}

/** Takes a record and a facet; returns the label the user sees, or null when it has none. */
export function facetLabel(record: ImageRecord, key: RecordFacetKey): string | null {
  const label = LABEL_OF[key](record);
  return label === null || label === '' ? null : label;
}

// One accessor per facet: `record[key]` with a variable key is several times slower over 12k rows.
const LABEL_OF: Readonly<Record<RecordFacetKey, (record: ImageRecord) => string | null>> = {
  dataset: (record) => DATASET_LABEL[record.dataset],
  plane: (record) => record.plane,
  brainPlane: (record) => record.brainPlane,
  operator: (record) => record.operator,
  machine: (record) => record.machine,
  country: (record) => record.country,
  split: (record) => record.split,
};

/**
 * Takes a record; returns its patient key, unique across datasets (`fetal:12`,
 * `african:Egypt/3`).
 */
export function patientKey(record: ImageRecord): string {
  return `${record.dataset}:${record.patient}`;
}

/**
 * Takes the records of one folder and whether a path is in it; returns their index, with no
 * sizes known yet. A facet keeps at most 65,535 distinct labels (later ones read as NONE).
 * O(n log n) in the records; never throws.
 */
export function buildIndex(
  records: readonly ImageRecord[],
  present: (path: string) => boolean,
): DatasetIndex {
  const n = records.length;
  const patients = buildPatients(records);
  const search = records.map((record, id) => {
    const file = record.path.slice(record.path.lastIndexOf('/') + 1);
    const names = file === `${record.name}.png` ? [file] : [record.name, file];
    // The key ends with the patient as written, so it serves both.
    const key = patients.values[patients.codes[id] ?? 0] ?? record.patient;
    return [...names, key].join('\0').toLowerCase();
  });

  return {
    records,
    facets: {
      dataset: buildColumn(records, 'dataset'),
      plane: buildColumn(records, 'plane'),
      brainPlane: buildColumn(records, 'brainPlane'),
      operator: buildColumn(records, 'operator'),
      machine: buildColumn(records, 'machine'),
      country: buildColumn(records, 'country'),
      split: buildColumn(records, 'split'),
    },
    patients,
    present: Uint8Array.from(records, (record) => (present(record.path) ? 1 : 0)),
    width: new Uint32Array(n),
    height: new Uint32Array(n),
    bytes: new Float64Array(n),
    sizeCodes: new Uint32Array(n),
    sizes: [],
    search,
    version: 0,
    sizesKnown: 0,
  };
}

/**
 * Takes an index, a record id, a width and height in pixels and a file size in bytes; records
 * them in place (a width or height that is not a positive integer means "unknown", a bytes value
 * that is not positive means "unknown") and bumps `version` and `sizesKnown` as they change.
 * Returns false, changing nothing, for an id outside the index or values already recorded.
 * O(1); never throws.
 */
export function setImageSize(
  index: DatasetIndex,
  id: number,
  width: number,
  height: number,
  bytes: number,
): boolean {
  if (!Number.isInteger(id) || id < 0 || id >= index.records.length) return false;
  const known = isDimension(width) && isDimension(height);
  const w = known ? width : 0;
  const h = known ? height : 0;
  const b = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  if (index.width[id] === w && index.height[id] === h && index.bytes[id] === b) return false;

  const wasKnown = index.sizeCodes[id] !== 0;
  index.width[id] = w;
  index.height[id] = h;
  index.bytes[id] = b;
  index.sizeCodes[id] = known ? internSize(index.sizes, w, h) : 0;

  if (known !== wasKnown) index.sizesKnown += known ? 1 : -1;
  index.version += 1;
  return true;
}

/**
 * Takes an index and a size as a label (`800×600`, or `800x600` as in a URL); returns its size
 * code (1 + its position in `sizes`), or 0 when no image of that size has been read yet or the
 * label is not a size. O(1); never throws.
 */
export function sizeCodeOf(index: DatasetIndex, label: string): number {
  const size = parseSizeLabel(label);
  if (size === null) return 0;
  return sizeLookupOf(index.sizes).get(sizeKey(size.width, size.height)) ?? 0;
}

/**
 * Takes an index; returns its size codes (1 + position in `sizes`) in display order: smallest
 * area first, then narrowest first, so that the order does not move as counts change and a new
 * size slots in among the others. O(s log s) in the distinct sizes; never throws.
 */
export function sizeDisplayOrder(index: DatasetIndex): number[] {
  const area = ({ width, height }: ImageSize) => width * height;
  return index.sizes
    .map((size, i) => ({ size, code: i + 1 }))
    .sort((a, b) => area(a.size) - area(b.size) || a.size.width - b.size.width)
    .map(({ code }) => code);
}

/** Takes an index, a facet and a label; returns the label's code, or NONE if absent. O(1). */
export function codeOf(index: DatasetIndex, key: RecordFacetKey, label: string): number {
  return index.facets[key].lookup.get(label) ?? NONE;
}

function buildColumn(records: readonly ImageRecord[], key: RecordFacetKey): FacetColumn {
  // Codes in order of first appearance, in one pass; then renumbered into display order.
  const label = LABEL_OF[key];
  const seen = new Map<string, number>();
  const raw = new Uint16Array(records.length);
  for (let id = 0; id < records.length; id++) {
    const value = label(records[id] as ImageRecord);
    if (value === null || value === '') {
      raw[id] = NONE;
      continue;
    }
    let code = seen.get(value);
    if (code === undefined) seen.set(value, (code = Math.min(seen.size, NONE)));
    raw[id] = code;
  }
  const values = [...seen.keys()].sort(displayOrder(key)).slice(0, NONE);
  const lookup = new Map(values.map((value, code) => [value, code]));
  const renumber = new Uint16Array(NONE + 1).fill(NONE);
  for (const [value, first] of seen) renumber[first] = lookup.get(value) ?? NONE;

  const codes = new Uint16Array(records.length);
  for (let id = 0; id < records.length; id++) codes[id] = renumber[raw[id] ?? NONE] ?? NONE;
  return { values, codes, lookup };
}

function buildPatients(records: readonly ImageRecord[]): PatientColumn {
  const firstSeen = new Map<string, ImageRecord>();
  for (const record of records) {
    const key = patientKey(record);
    if (!firstSeen.has(key)) firstSeen.set(key, record);
  }
  const rank = (record: ImageRecord): number => DATASET_ORDER.indexOf(record.dataset);
  const values = [...firstSeen]
    .sort(([, a], [, b]) => rank(a) - rank(b) || naturalCompare(a.patient, b.patient))
    .map(([key]) => key);
  const lookup = new Map(values.map((key, code) => [key, code]));

  const codes = Uint32Array.from(records, (record) => lookup.get(patientKey(record)) ?? 0);
  return { values, codes };
}

function isDimension(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= 0xffffffff;
}

const sizeLookups = new WeakMap<ImageSize[], Map<string, number>>();

function sizeKey(width: number, height: number): string {
  return `${width}x${height}`;
}

/** `W x H` -> size code, kept beside the index's `sizes` and grown with it. */
function sizeLookupOf(sizes: ImageSize[]): Map<string, number> {
  let lookup = sizeLookups.get(sizes);
  if (lookup === undefined) {
    lookup = new Map(sizes.map((size, i) => [sizeKey(size.width, size.height), i + 1]));
    sizeLookups.set(sizes, lookup);
  }
  return lookup;
}

function internSize(sizes: ImageSize[], width: number, height: number): number {
  const lookup = sizeLookupOf(sizes);
  const key = sizeKey(width, height);
  let code = lookup.get(key);
  if (code === undefined) {
    sizes.push({ width, height });
    code = sizes.length;
    lookup.set(key, code);
  }
  return code;
}
