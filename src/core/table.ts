// The table view's model: its columns, the text of each cell, and moving between rows.

import { NONE, type DatasetIndex } from './datasetIndex.ts';
import { formatBytes } from './format.ts';
import { moveFocus } from './gridLayout.ts';

/** The columns of the table view, one per field of an image. */
export type TableColumnKey =
  | 'file'
  | 'dataset'
  | 'plane'
  | 'brainPlane'
  | 'operator'
  | 'machine'
  | 'country'
  | 'patient'
  | 'split'
  | 'frame'
  | 'width'
  | 'height'
  | 'bytes'
  | 'csvFile'
  | 'csvLine';

/** A column as the user sees it; numeric columns are right-aligned. */
export interface TableColumn {
  readonly key: TableColumnKey;
  readonly label: string;
  readonly numeric: boolean;
}

/** Every column, in the table's order. */
export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'file', label: 'File name', numeric: false },
  { key: 'dataset', label: 'Dataset', numeric: false },
  { key: 'plane', label: 'Plane', numeric: false },
  { key: 'brainPlane', label: 'Brain plane', numeric: false },
  { key: 'operator', label: 'Operator', numeric: false },
  { key: 'machine', label: 'Machine', numeric: false },
  { key: 'country', label: 'Country', numeric: false },
  { key: 'patient', label: 'Patient', numeric: false },
  { key: 'split', label: 'Split', numeric: false },
  { key: 'frame', label: 'Frame', numeric: true },
  { key: 'width', label: 'Width', numeric: true },
  { key: 'height', label: 'Height', numeric: true },
  { key: 'bytes', label: 'Bytes', numeric: true },
  { key: 'csvFile', label: 'CSV file', numeric: false },
  { key: 'csvLine', label: 'CSV row', numeric: true },
];

/** What a cell shows when its value is unknown or absent. */
export const NO_VALUE = '—';

/** The columns that change as image headers are read. */
export const SIZE_COLUMNS: ReadonlySet<TableColumnKey> = new Set(['width', 'height', 'bytes']);

/** The columns the index holds as facet columns (codes into a list of labels). */
export type FacetTableColumn = Extract<TableColumnKey, keyof DatasetIndex['facets']>;

/** Takes a column key; returns whether it holds one of the index's facets. */
export function isFacetColumn(key: TableColumnKey): key is FacetTableColumn {
  return (
    key === 'dataset' ||
    key === 'plane' ||
    key === 'brainPlane' ||
    key === 'operator' ||
    key === 'machine' ||
    key === 'country' ||
    key === 'split'
  );
}

/** Takes a record's path; returns its file name (the part after the last `/`). */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Takes an index, a record id and a column; returns the cell's text as of now: sizes read from
 * the index each call, NO_VALUE for a missing field or a size not read yet, bytes in kB or MB,
 * the frame as `K of N`. Returns NO_VALUE for an id outside the index. O(1); never throws.
 */
export function cellText(index: DatasetIndex, id: number, key: TableColumnKey): string {
  const record = index.records[id];
  if (record === undefined) return NO_VALUE;
  if (isFacetColumn(key)) {
    const code = index.facets[key].codes[id] ?? NONE;
    return code === NONE ? NO_VALUE : (index.facets[key].values[code] ?? NO_VALUE);
  }
  switch (key) {
    case 'file':
      return fileNameOf(record.path);
    case 'patient':
      return record.patient === '' ? NO_VALUE : record.patient;
    case 'frame':
      return record.frame === null ? NO_VALUE : `${record.frame.k} of ${record.frame.n}`;
    case 'width':
    case 'height':
      return positive(index[key][id] ?? 0, String);
    case 'bytes':
      return positive(index.bytes[id] ?? 0, formatBytes);
    case 'csvFile':
      return record.csvFile;
    case 'csvLine':
      return String(record.csvLine);
  }
}

/** The keys that move the focus between the table's rows. */
export type RowKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

const ROW_KEYS: ReadonlySet<string> = new Set<RowKey>([
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/** Takes a key name; returns whether the table moves its focus on it. */
export function isRowKey(key: string): key is RowKey {
  return ROW_KEYS.has(key);
}

/**
 * Takes the focused row's position, a key, the row count and how many rows a page holds; returns
 * the position the focus moves to, clamped to the rows (Home and End go to the first and last).
 * Returns `position` when there are no rows.
 */
export function moveRow(position: number, key: RowKey, count: number, pageRows: number): number {
  return moveFocus(position, key, 1, count, pageRows, true);
}

function positive(value: number, format: (value: number) => string): string {
  return value > 0 ? format(value) : NO_VALUE;
}
