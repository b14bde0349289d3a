import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The two published CSVs, byte for byte (see tests/fixtures/README.md). */
export const FETAL_CSV = readFileSync(
  fileURLToPath(new URL('../fixtures/FETAL_PLANES_DB_data.csv', import.meta.url)),
  'utf8',
);
export const AFRICAN_CSV = readFileSync(
  fileURLToPath(new URL('../fixtures/African_planes_database.csv', import.meta.url)),
  'utf8',
);

/** A plain split of a CSV's lines into trimmed fields, the reference the parser is checked against. */
export function plainRows(text: string, delimiter: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(delimiter).map((field) => field.trim()));
}

/** How often each value occurs in one column of plain rows (header excluded). */
export function countColumn(rows: readonly string[][], column: string): Map<string, number> {
  const at = (rows[0] ?? []).indexOf(column);
  const counts = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const value = row[at] ?? '';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
