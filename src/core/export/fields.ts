// The fields of one CSV row, and how to write a value the way a field was written.

/** One field of a row: its offsets in the text, and its closing quote if it is quoted. */
export interface FieldSpan {
  readonly start: number;
  /** Offset just past the field, before the delimiter or the row's end. */
  readonly end: number;
  readonly quoted: boolean;
  /** Offset of the closing quote; -1 when unquoted or never closed. */
  readonly close: number;
}

/** How a field is written around its value. */
export interface FieldStyle {
  readonly quoted: boolean;
  /** Whitespace before and after the value (inside the quotes when quoted). */
  readonly lead: string;
  readonly trail: string;
  /** What follows the closing quote before the delimiter (spaces, which parsers skip). */
  readonly after: string;
}

/**
 * Takes a text, a row's offsets in it and the delimiter; returns the row's fields, RFC 4180
 * style: a field that starts with `"` runs to its closing quote (`""` is a quote inside it), then
 * to the next delimiter. O(row length); never throws.
 */
export function fieldSpansOf(
  text: string,
  start: number,
  end: number,
  delimiter: string,
): FieldSpan[] {
  const spans: FieldSpan[] = [];
  let at = start;
  for (;;) {
    const quoted = at < end && text[at] === '"';
    const close = quoted ? closingQuote(text, at + 1, end) : -1;
    const next = text.indexOf(delimiter, close === -1 ? at : close + 1);
    const fieldEnd = next === -1 || next >= end ? end : next;
    spans.push({ start: at, end: quoted && close === -1 ? end : fieldEnd, quoted, close });
    if (fieldEnd === end || (quoted && close === -1)) return spans;
    at = fieldEnd + delimiter.length;
  }
}

/** Takes a text and a field in it; returns the field's value, unquoted. Never throws. */
export function fieldValue(text: string, span: FieldSpan): string {
  if (!span.quoted) return text.slice(span.start, span.end);
  const inner = text.slice(span.start + 1, span.close === -1 ? span.end : span.close);
  return inner.replaceAll('""', '"');
}

/** Takes a text and a field in it; returns how the field is written around its value. */
export function fieldStyleOf(text: string, span: FieldSpan): FieldStyle {
  const value = fieldValue(text, span);
  const lead = /^\s*/.exec(value)?.[0] ?? '';
  const trail = /\s*$/.exec(value.slice(lead.length))?.[0] ?? '';
  const after = span.quoted && span.close !== -1 ? text.slice(span.close + 1, span.end) : '';
  return { quoted: span.quoted, lead, trail, after };
}

/**
 * Takes a value, a style and the delimiter; returns the value written in that style, quoted
 * also when it holds the delimiter, a quote or a line break (RFC 4180). Never throws.
 */
export function writeField(value: string, style: FieldStyle, delimiter: string): string {
  const padded = style.lead + value + style.trail;
  if (style.quoted) return `"${padded.replaceAll('"', '""')}"${style.after}`;
  return quoteField(padded, delimiter);
}

/**
 * Takes a value and the delimiter; returns it as an RFC 4180 field: as it is, or in quotes with
 * its quotes doubled when it holds the delimiter, a quote, CR or LF. Never throws.
 */
export function quoteField(value: string, delimiter: string): string {
  const needsQuotes =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r');
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

function closingQuote(text: string, from: number, end: number): number {
  for (let at = text.indexOf('"', from); at !== -1 && at < end; at = text.indexOf('"', at + 2)) {
    if (text[at + 1] !== '"' || at + 1 >= end) return at;
  }
  return -1;
}
