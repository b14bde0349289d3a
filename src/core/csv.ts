import Papa from 'papaparse';
import { readAfricanRow, readFetalRow, type CsvRow, type RowContext } from './rows.ts';
import type { DatasetId, Problem } from './types.ts';
import { AFRICAN_COLUMNS, FETAL_COLUMNS } from './vocabulary.ts';

/** How a CSV file is written, kept so that an export can write it back the same way. */
export interface CsvFormat {
  readonly delimiter: ';' | ',';
  readonly bom: boolean;
  readonly lineEnding: '\n' | '\r\n';
  /** The header's last name and every row end with a space (FETAL_PLANES_DB as published). */
  readonly trailingSpace: boolean;
  readonly quoted: boolean;
  readonly finalNewline: boolean;
}

/** A CSV recognised as one of the datasets, with its rows in the shared vocabulary. */
export interface DatasetCsv {
  readonly ok: true;
  readonly file: string;
  readonly dataset: DatasetId;
  readonly format: CsvFormat;
  readonly rows: readonly CsvRow[];
  /** Rows left out (wrong number of fields) and rows loaded but flagged, by line and column. */
  readonly problems: readonly Problem[];
}

/** A CSV that is neither dataset: the header it found, and why it was not recognised. */
export interface UnknownCsv {
  readonly ok: false;
  readonly file: string;
  readonly header: readonly string[];
  readonly reason: string;
}

export type CsvRead = DatasetCsv | UnknownCsv;

const SCHEMAS: readonly { dataset: DatasetId; columns: readonly string[] }[] = [
  { dataset: 'fetal', columns: FETAL_COLUMNS },
  { dataset: 'african', columns: AFRICAN_COLUMNS },
];

/**
 * Reads one CSV file's text as FETAL_PLANES_DB or African planes metadata, recognised by its
 * header (column names trimmed, in any order and any letter case), never by its file name.
 * Accepts BOM, CRLF, either delimiter, quoted fields, a missing trailing space and an empty last
 * line. Rows with a wrong number of fields are left out and listed; any other oddity loads as
 * written and is flagged. Never throws.
 */
export function readDatasetCsv(file: string, text: string): CsvRead {
  const format = detectFormat(text);
  const body = format.bom ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    delimiter: format.delimiter,
    header: false,
    skipEmptyLines: false,
  });
  const table = parsed.data;
  const header = (table[0] ?? []).map((name) => name.trim());

  const match = matchSchema(header);
  if (match === null) {
    const reason = header.every((name) => name === '')
      ? 'the file is empty'
      : `its header is neither FETAL_PLANES_DB's (${FETAL_COLUMNS.join(', ')}) nor the African ` +
        `planes' (${AFRICAN_COLUMNS.join(', ')})`;
    return { ok: false, file, header, reason };
  }

  const rows: CsvRow[] = [];
  const problems: Problem[] = [];
  const readRow = match.dataset === 'fetal' ? readFetalRow : readAfricanRow;
  for (let i = 1; i < table.length; i++) {
    const fields = table[i] ?? [];
    const line = i + 1;
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') continue;
    if (fields.length !== header.length) {
      problems.push({
        kind: 'row-unreadable',
        file,
        line,
        message:
          `${file}, row ${line}: ${fields.length} field${fields.length === 1 ? '' : 's'} ` +
          `where the ` +
          `header has ${header.length}; the row is left out.`,
      });
      continue;
    }
    const context: RowContext = { file, line, problems };
    rows.push(readRow((column) => (fields[match.index[column] ?? -1] ?? '').trim(), context));
  }
  return { ok: true, file, dataset: match.dataset, format, rows, problems };
}

/** Which dataset a header belongs to, and each known column's position in it. */
function matchSchema(
  header: readonly string[],
): { dataset: DatasetId; index: Record<string, number> } | null {
  const position = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  for (const schema of SCHEMAS) {
    const index: Record<string, number> = {};
    for (const column of schema.columns) {
      const at = position.get(column.toLowerCase());
      if (at === undefined) break;
      index[column] = at;
    }
    if (Object.keys(index).length === schema.columns.length) {
      return { dataset: schema.dataset, index };
    }
  }
  return null;
}

/**
 * Takes a CSV's text; returns its writing conventions, read off the first line and the ends of
 * the text: the delimiter is whichever of `;` and `,` the first line holds more of. Never throws.
 */
export function detectFormat(text: string): CsvFormat {
  const bom = text.charCodeAt(0) === 0xfeff;
  const newline = text.indexOf('\n');
  const firstLine = (newline === -1 ? text : text.slice(0, newline))
    .slice(bom ? 1 : 0)
    .replace(/\r$/, '');
  const semicolons = firstLine.split(';').length;
  const commas = firstLine.split(',').length;
  return {
    delimiter: semicolons >= commas ? ';' : ',',
    bom,
    lineEnding: newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n',
    trailingSpace: / "?$/.test(firstLine),
    quoted: firstLine.startsWith('"'),
    finalNewline: text.endsWith('\n'),
  };
}
