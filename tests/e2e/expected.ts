// What the explorer should show, worked out here from the CSVs with plain string splits: the
// browser tests never borrow the app's own parser, index or filter engine.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetId } from '../../src/core/types.ts';

/** A CSV to read: its path under the folder, and which dataset its header says it holds. */
export interface CsvFile {
  readonly path: string;
  readonly dataset: DatasetId;
}

/** The facets as the sidebar's legends name them. */
export const FACETS = {
  dataset: 'Dataset',
  plane: 'Plane',
  brain: 'Brain plane',
  operator: 'Operator',
  machine: 'Machine',
  country: 'Country',
  split: 'Split',
} as const;

export type Facet = keyof typeof FACETS;

/** One readable CSV row, in the labels the user sees; null where the dataset has no such field. */
export type Row = Readonly<Record<Facet, string | null>> & {
  readonly name: string;
  readonly patient: string;
};

/** Checked values per facet (OR inside one, AND across) and a search text. */
export interface Filter {
  readonly facets?: Partial<Record<Facet, readonly string[]>>;
  readonly q?: string;
}

const FETAL_FIELDS = 7;
const AFRICAN_FIELDS = 5;

/**
 * Every readable row of the CSVs `csvs` under `root`. A row with the wrong number of fields cannot
 * be read and is left out, as the app must do; values are trimmed and kept as written.
 */
export function readRows(root: string, csvs: readonly CsvFile[]): Row[] {
  return csvs.flatMap((csv) => {
    const text = readFileSync(join(root, csv.path), 'utf8');
    const lines = text
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '');
    const delimiter = csv.dataset === 'fetal' ? ';' : ',';
    const fieldCount = csv.dataset === 'fetal' ? FETAL_FIELDS : AFRICAN_FIELDS;
    return lines.flatMap((line): Row[] => {
      const f = line.split(delimiter).map((field) => field.trim());
      if (f.length !== fieldCount) return [];
      const at = (i: number) => f[i] ?? '';
      if (csv.dataset === 'fetal') {
        return [
          {
            dataset: 'FETAL_PLANES_DB',
            name: at(0),
            patient: at(1),
            plane: at(2),
            brain: at(3),
            operator: at(4),
            machine: at(5),
            country: 'Spain',
            split: splitLabel(at(6)),
          },
        ];
      }
      return [
        {
          dataset: 'African planes',
          name: at(4),
          patient: at(0),
          plane: at(1),
          brain: null,
          operator: null,
          machine: null,
          country: at(3),
          split: splitLabel(at(2)),
        },
      ];
    });
  });
}

/** The dataset whose published header starts `text`, or null. */
export function datasetOfCsv(text: string): DatasetId | null {
  if (text.startsWith('Image_name;Patient_num;Plane;')) return 'fetal';
  if (text.startsWith('Patient_num,Plane,Train,Center,Filename')) return 'african';
  return null;
}

function splitLabel(value: string): string {
  return value === '1' ? 'Train' : value === '0' ? 'Test' : value;
}

/** Whether `row` passes every facet of `filter` except `skip`, and its search. */
export function passes(row: Row, filter: Filter, skip?: Facet): boolean {
  const q = (filter.q ?? '').trim().toLowerCase();
  if (q !== '' && !searchText(row).includes(q)) return false;
  return Object.entries(filter.facets ?? {}).every(([facet, values]) => {
    if (facet === skip || values.length === 0) return true;
    const value = row[facet as Facet];
    return value !== null && values.includes(value);
  });
}

/** File name, patient number as written and, for the African set, `<Center>/<Patient_num>`. */
function searchText(row: Row): string {
  const key = row.dataset === 'African planes' ? `${row.country ?? ''}/${row.patient}` : '';
  return [row.name, row.patient, key].join('\n').toLowerCase();
}

export function countMatching(rows: readonly Row[], filter: Filter): number {
  return rows.filter((row) => passes(row, filter)).length;
}

/**
 * Per value of `facet` found in any row: how many rows the user would see by checking it too,
 * i.e. with the other facets and the search applied but not this facet's own selection.
 */
export function facetCounts(
  rows: readonly Row[],
  facet: Facet,
  filter: Filter,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row[facet];
    if (value !== null && !counts.has(value)) counts.set(value, 0);
  }
  for (const row of rows) {
    const value = row[facet];
    if (value !== null && passes(row, filter, facet))
      counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** `12,345`, as the app writes counts. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function statusText(shown: number, total: number): string {
  return `Showing ${formatCount(shown)} of ${formatCount(total)} images`;
}
