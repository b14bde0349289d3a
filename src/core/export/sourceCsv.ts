// The export in a dataset's own CSV format: the source file's header and rows, byte for byte.

import type { Result } from '../types.ts';
import { fieldSpansOf, fieldStyleOf, fieldValue, writeField, type FieldSpan } from './fields.ts';
import { isBlankRow, rowLayoutOf, type RowLayout, type RowSpan } from './rowSpans.ts';

/** One column's new value on each kept row, by line (`csvLine`). */
export interface ColumnValues {
  /** The column's header name; an existing one is matched trimmed and in any letter case. */
  readonly column: string;
  readonly values: ReadonlyMap<number, string>;
}

/** What an export changes in the rows it keeps. */
export interface SourceEdits {
  /** A column whose value is replaced on every kept row. */
  readonly replace?: ColumnValues;
  /** A new column written after the last one, on the header and on every kept row. */
  readonly append?: ColumnValues;
}

/**
 * Takes a CSV's text, the lines (`csvLine`, header = 1) of the rows to keep and optional edits;
 * returns the text of the export: the BOM if any, the header, the kept rows in source order
 * (whatever the order of `lines`) and the file's ending (its final line ending, if it has one,
 * and any blank lines after the last row), every row ending as in the source. Unedited rows are
 * the source's characters unchanged, so keeping every row gives back the text exactly (when it
 * has no blank lines between rows, which are not rows and are left out). An edited value is
 * written as the field was: inside quotes if it was quoted, with the whitespace around it (the
 * `1 ` of FETAL_PLANES_DB's `Train ` column stays `0 `); an appended field copies the quotes and
 * trailing whitespace of the row's last field. Line 1 in `lines` is ignored (the header is always
 * written). Fails, naming the lines, when a line is not a row of the text (blank or past the
 * end), and with edits when the column is not in the header, a kept row has no value for it, or
 * a kept row has the wrong number of fields or quotes the parser reads otherwise. O(n); never
 * throws.
 */
export function exportSourceCsv(
  text: string,
  lines: Iterable<number>,
  edits: SourceEdits = {},
): Result<string> {
  const layout = rowLayoutOf(text);
  const header = layout.rows[0];
  if (header === undefined) return { ok: true, value: text };

  const kept = keptRows(layout, lines);
  if (!kept.ok) return kept;
  const rewrite = rowRewriter(text, layout, header, edits);
  if (!rewrite.ok) return rewrite;

  const pieces: string[] = [];
  for (const row of [header, ...kept.value]) {
    const piece = rewrite.value(row);
    if (!piece.ok) return piece;
    pieces.push(piece.value);
  }
  const body = pieces.join(layout.lineEnding);
  return { ok: true, value: (layout.bom ? '\ufeff' : '') + body + endingOf(text, layout) };
}

/** The kept rows in source order, or which lines are not rows. */
function keptRows(layout: RowLayout, lines: Iterable<number>): Result<RowSpan[]> {
  const wanted = new Set(lines);
  wanted.delete(1);
  const kept = layout.rows.filter((row) => wanted.has(row.line) && !isBlankRow(row));
  if (kept.length === wanted.size) return { ok: true, value: kept };

  const found = new Set(kept.map((row) => row.line));
  const missing = [...wanted].filter((line) => !found.has(line)).sort((a, b) => a - b);
  const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '');
  return {
    ok: false,
    reason: `line${missing.length === 1 ? '' : 's'} ${shown} ${missing.length === 1 ? 'is' : 'are'} not a row of the CSV`,
  };
}

/** What follows the last row that is not blank: its line ending and any blank lines after it. */
function endingOf(text: string, layout: RowLayout): string {
  let last = layout.rows[0];
  for (const row of layout.rows) if (!isBlankRow(row)) last = row;
  return last === undefined ? '' : text.slice(last.end);
}

type Rewrite = (row: RowSpan) => Result<string>;

/** How each row is written: copied, or with the edited fields rewritten. */
function rowRewriter(
  text: string,
  layout: RowLayout,
  header: RowSpan,
  edits: SourceEdits,
): Result<Rewrite> {
  const copy = (row: RowSpan): string => text.slice(row.start, row.end);
  const { replace, append } = edits;
  if (replace === undefined && append === undefined) {
    return { ok: true, value: (row) => ({ ok: true, value: copy(row) }) };
  }

  const { delimiter } = layout;
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const at = replace === undefined ? -1 : names.indexOf(replace.column.trim().toLowerCase());
  if (replace !== undefined && at === -1) {
    return { ok: false, reason: `the CSV has no column "${replace.column}"` };
  }

  const rewrite: Rewrite = (row) => {
    const isHeader = row === header;
    const spans = fieldSpansOf(text, row.start, row.end, delimiter);
    const misread = checkFields(text, row, spans, names.length);
    if (misread !== null) return { ok: false, reason: misread };

    let written = copy(row);
    if (replace !== undefined && !isHeader) {
      const value = replace.values.get(row.line);
      if (value === undefined) return noValue(row, replace.column);
      const span = spans[at] as FieldSpan;
      const field = writeField(value, fieldStyleOf(text, span), delimiter);
      written = text.slice(row.start, span.start) + field + text.slice(span.end, row.end);
    }
    if (append !== undefined) {
      const value = isHeader ? append.column : append.values.get(row.line);
      if (value === undefined) return noValue(row, append.column);
      const last = spans[spans.length - 1] as FieldSpan;
      const style = { ...fieldStyleOf(text, last), lead: '' };
      written += delimiter + writeField(value, style, delimiter);
    }
    return { ok: true, value: written };
  };
  return { ok: true, value: rewrite };
}

/** Why a row cannot be rewritten field by field, or null when it can. */
function checkFields(
  text: string,
  row: RowSpan,
  spans: readonly FieldSpan[],
  expected: number,
): string | null {
  if (spans.length !== expected || row.fields.length !== expected) {
    return `row ${row.line} has ${row.fields.length} fields where the header has ${expected}`;
  }
  // A row with stray quotes is read one way by the parser and another by the field cutter.
  const same = spans.every((span, i) => fieldValue(text, span) === row.fields[i]);
  return same ? null : `row ${row.line} has quotes the export cannot rewrite safely`;
}

function noValue(row: RowSpan, column: string): Result<string> {
  return { ok: false, reason: `row ${row.line} has no new value for the column "${column}"` };
}
