// Where each row and field sits in a CSV's text, so that an export can copy rows byte for byte.

import Papa from 'papaparse';
import { detectFormat } from '../csv.ts';

/** One row of a CSV's text, as the parser read it. */
export interface RowSpan {
  /** 1-based, counted as readDatasetCsv counts `csvLine`: one per parsed row, the header is 1. */
  readonly line: number;
  /** Offset of the row's first character in the text (a BOM counts as one). */
  readonly start: number;
  /** Offset just past the row's last character, before its line ending. */
  readonly end: number;
  /** The fields as the parser read them, untrimmed. */
  readonly fields: readonly string[];
}

/** A CSV's text cut into rows. */
export interface RowLayout {
  readonly bom: boolean;
  readonly delimiter: ';' | ',';
  /** What ends every row but the last, as the parser found it (`\n`, `\r\n` or `\r`). */
  readonly lineEnding: string;
  /** Every row, blank ones included; the last one is '' when the text ends with a line ending. */
  readonly rows: readonly RowSpan[];
}

/**
 * Takes a CSV's text; returns its rows with their offsets, cut by the same parser, delimiter and
 * line ending as readDatasetCsv, so that `line` here is `csvLine` there even for a quoted field
 * that spans lines. An empty text (or a BOM alone) has no rows. O(n); never throws.
 */
export function rowLayoutOf(text: string): RowLayout {
  const bom = text.charCodeAt(0) === 0xfeff;
  const offset = bom ? 1 : 0;
  const body = text.slice(offset);
  const { delimiter } = detectFormat(text);
  const ends: number[] = [];
  const fields: string[][] = [];
  let lineEnding = '\n';

  Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      fields.push(result.data);
      ends.push(result.meta.cursor);
      lineEnding = result.meta.linebreak;
    },
  });

  // Papa's cursor is past the row's line ending, and only the last row has none.
  const rows = fields.map((row, i): RowSpan => {
    const start = offset + (ends[i - 1] ?? 0);
    const next = offset + (ends[i] ?? 0);
    const end = i === fields.length - 1 ? next : next - lineEnding.length;
    return { line: i + 1, start, end, fields: row };
  });
  return { bom, delimiter, lineEnding, rows };
}

/** Takes a parsed row; returns whether readDatasetCsv skips it as an empty line. */
export function isBlankRow(row: RowSpan): boolean {
  return row.fields.length === 1 && (row.fields[0] ?? '').trim() === '';
}
