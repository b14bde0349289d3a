// What the explorer should show, worked out here from the CSVs with plain string splits: the
// browser tests never borrow the app's own parser, index or filter engine.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetId } from '../../src/core/types.ts';
import type { ManifestImage, Size } from '../fixtures/spec.ts';

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

/** Orders labels as people read them: `Op. 2` before `Op. 10`, then by code unit on a tie. */
const natural = new Intl.Collator('en', { numeric: true });
export function naturalCompare(a: string, b: string): number {
  return natural.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Facet values in the order the explorer lists them: natural, with `Other` and `Not A Brain` last. */
export function displayCompare(a: string, b: string): number {
  const last = ['Other', 'Not A Brain'];
  return last.indexOf(a) - last.indexOf(b) || naturalCompare(a, b);
}

/** The patient a row belongs to: the number for FETAL_PLANES_DB, `<Center>/<number>` for African. */
export function patientOf(row: Row): string {
  const number = String(Number(row.patient));
  return row.dataset === 'African planes' ? `${row.country ?? ''}/${number}` : number;
}

/** The file name a row's image has in the folder. */
export function fileOf(row: Row): string {
  return `${row.name}.png`;
}

/** `K of N` from a FETAL_PLANES_DB image name (`..._3_of_15`), or null. */
export function frameOf(row: Row): { readonly k: number; readonly n: number } | null {
  const match = /_(\d+)_of_(\d+)$/.exec(row.name);
  return match === null ? null : { k: Number(match[1]), n: Number(match[2]) };
}

/** The size of the image each row names, by image name, as the generator wrote it. */
export function writtenSizes(images: readonly ManifestImage[]): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const image of images) {
    if (image.name !== null) sizes.set(image.name, { width: image.width, height: image.height });
  }
  return sizes;
}

/** `800×600`, as the explorer writes a size. */
export function sizeText({ width, height }: Size): string {
  return `${width}×${height}`;
}

/**
 * One row of an "Image sizes by …" table as its cells read, per value of `facet` (country or
 * machine) with an image passing `filter`: the value, its images, the most common size and its
 * share of the known sizes, the number of distinct sizes, then width and height as
 * `min – median – max` with the lower middle value for an even count. Throws when two sizes tie
 * for the most common, which the fixture must avoid: the expectation would be a guess.
 */
export function sizeTableRows(
  rows: readonly Row[],
  sizes: ReadonlyMap<string, Size>,
  facet: 'country' | 'machine',
  filter: Filter,
): Map<string, string[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const value = row[facet];
    if (value === null || !passes(row, filter)) continue;
    groups.set(value, [...(groups.get(value) ?? []), row]);
  }
  const table = new Map<string, string[]>();
  for (const [value, members] of groups) {
    const known = members.flatMap((row) => {
      const size = sizes.get(row.name);
      return size === undefined ? [] : [size];
    });
    const perSize = new Map<string, number>();
    for (const size of known) perSize.set(sizeText(size), (perSize.get(sizeText(size)) ?? 0) + 1);
    const ranked = [...perSize].sort((a, b) => b[1] - a[1]);
    const [common, commonCount] = ranked[0] ?? ['—', 0];
    if (ranked.length > 1 && ranked[1]?.[1] === commonCount) {
      throw new Error(`${value}: two sizes tie for the most common`);
    }
    const share =
      known.length === 0 ? '—' : `${Math.round((commonCount * 1000) / known.length) / 10}%`;
    table.set(value, [
      value,
      formatCount(members.length),
      common,
      share,
      formatCount(perSize.size),
      spreadText(known.map((size) => size.width)),
      spreadText(known.map((size) => size.height)),
    ]);
  }
  return table;
}

/** `min – median – max`, the median the lower middle value of an even count; `—` for none. */
function spreadText(values: readonly number[]): string {
  if (values.length === 0) return '—';
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  return `${sorted[0] ?? 0} – ${median} – ${sorted.at(-1) ?? 0}`;
}

/**
 * The rows of the table a chart of `facet` stacked by split shows ("Images by plane and
 * split"): per value found in any row (zeros included, `skip` values left out), the Train and
 * Test images, or distinct patients, among the rows passing `filter`, then all of them (for
 * patients, each counted once even when in both splits). In display order.
 */
export function splitChartRows(
  rows: readonly Row[],
  facet: Facet,
  measure: 'images' | 'patients',
  filter: Filter,
  skip: readonly string[] = [],
): string[][] {
  const values = [...new Set(rows.map((row) => row[facet]))]
    .filter((value): value is string => value !== null && !skip.includes(value))
    .sort(displayCompare);
  const shown = rows.filter((row) => passes(row, filter));
  const count = (members: readonly Row[]) =>
    formatCount(
      measure === 'images'
        ? members.length
        : new Set(members.map((row) => `${row.dataset}:${patientOf(row)}`)).size,
    );
  return values.map((value) => {
    const members = shown.filter((row) => row[facet] === value);
    const train = members.filter((row) => row.split === 'Train');
    const test = members.filter((row) => row.split === 'Test');
    return [value, count(train), count(test), count(members)];
  });
}

/** The rows of an unstacked chart's table ("Images by country"): value and images passing. */
export function valueChartRows(rows: readonly Row[], facet: Facet, filter: Filter): string[][] {
  const values = [...new Set(rows.map((row) => row[facet]))]
    .filter((value): value is string => value !== null)
    .sort(displayCompare);
  return values.map((value) => [
    value,
    formatCount(rows.filter((row) => row[facet] === value && passes(row, filter)).length),
  ]);
}
