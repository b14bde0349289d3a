// The combined export: one CSV of both datasets in Planescope's shared vocabulary.

import { baseName } from '../paths.ts';
import { DATASET_LABEL, type ImageRecord } from '../types.ts';
import { quoteField } from './fields.ts';

/** One image of the combined export, as plain values. */
export interface CombinedRow {
  /** As the user sees it: `FETAL_PLANES_DB` or `African planes`. */
  readonly dataset: string;
  readonly path: string;
  readonly file: string;
  readonly patient: string;
  readonly plane: string;
  readonly brainPlane: string | null;
  readonly operator: string | null;
  readonly machine: string | null;
  readonly country: string;
  readonly split: string;
  /** Pixels and bytes; null while not read. */
  readonly width: number | null;
  readonly height: number | null;
  readonly bytes: number | null;
  readonly tags: readonly string[];
}

/** What combinedRowsOf reads of an index (a DatasetIndex has it all). */
export interface CombinedSource {
  readonly records: readonly ImageRecord[];
  /** Per record id; 0 = not read yet. */
  readonly width: ArrayLike<number>;
  readonly height: ArrayLike<number>;
  readonly bytes: ArrayLike<number>;
}

/** The header of the combined CSV, one name per CombinedRow field, in its order. */
export const COMBINED_HEADER: readonly string[] = [
  'dataset',
  'path',
  'file',
  'patient',
  'plane',
  'brain_plane',
  'operator',
  'machine',
  'country',
  'split',
  'width',
  'height',
  'bytes',
  'tags',
];

/** Between the tags of one image, in one cell; a tag holding it cannot be told apart. */
export const TAG_SEPARATOR = ';';

/** RFC 4180's line ending, which spreadsheets and CSV readers all accept. */
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Takes an index, the ids of the images to export (e.g. a selection, in the order wanted) and
 * optionally each image's tags; returns one row per id, in the order given: values as the
 * records hold them, sizes as read so far (null while unknown). Ids outside the index are
 * skipped. O(ids); never throws.
 */
export function combinedRowsOf(
  index: CombinedSource,
  ids: Iterable<number>,
  tagsOf: (record: ImageRecord, id: number) => readonly string[] = () => [],
): CombinedRow[] {
  const rows: CombinedRow[] = [];
  for (const id of ids) {
    const record = index.records[id];
    if (record === undefined) continue;
    rows.push({
      dataset: DATASET_LABEL[record.dataset],
      path: record.path,
      file: baseName(record.path),
      patient: record.patient,
      plane: record.plane,
      brainPlane: record.brainPlane,
      operator: record.operator,
      machine: record.machine,
      country: record.country,
      split: record.split,
      width: known(index.width[id]),
      height: known(index.height[id]),
      bytes: known(index.bytes[id]),
      tags: tagsOf(record, id),
    });
  }
  return rows;
}

/**
 * Takes rows; returns the combined CSV: COMBINED_HEADER, then one line per row in the order
 * given, comma-delimited, every line ending in CRLF (RFC 4180), no BOM. A missing value is an
 * empty cell, tags are joined with TAG_SEPARATOR. Every cell goes through neutraliseFormula, then
 * is quoted when it holds a comma, a quote, CR or LF. O(cells); never throws.
 */
export function writeCombinedCsv(rows: Iterable<CombinedRow>): string {
  const lines = [COMBINED_HEADER.map(cell).join(',')];
  for (const row of rows) {
    const cells = [
      row.dataset,
      row.path,
      row.file,
      row.patient,
      row.plane,
      row.brainPlane ?? '',
      row.operator ?? '',
      row.machine ?? '',
      row.country,
      row.split,
      row.width === null ? '' : String(row.width),
      row.height === null ? '' : String(row.height),
      row.bytes === null ? '' : String(row.bytes),
      row.tags.join(TAG_SEPARATOR),
    ];
    lines.push(cells.map(cell).join(','));
  }
  return lines.join(CRLF) + CRLF;
}

/**
 * Takes a cell's text; returns it with an apostrophe in front when it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return, which a spreadsheet would run as a formula (CSV injection),
 * and unchanged otherwise. The apostrophe stays in the value a CSV reader sees. Never throws.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(text: string): string {
  return quoteField(neutraliseFormula(text), ',');
}

function known(value: number | undefined): number | null {
  return value === undefined || value <= 0 ? null : value;
}
