// The cross-tab: two fields against each other, so that an imbalance (a machine found only in the
// test split) shows at a glance.

import { NONE, type DatasetIndex } from '../datasetIndex.ts';
import type { RecordFacetKey } from '../facets.ts';

/** The fields a cross-tab can put on its rows or columns: every facet held by the index. */
export type CrossTabField = RecordFacetKey;

/** Counts of images per (row value, column value). */
export interface CrossTab {
  readonly rowField: CrossTabField;
  readonly columnField: CrossTabField;
  /** Row values with an image counted, in the row field's display order. */
  readonly rows: readonly string[];
  /** Column values with an image counted, in the column field's display order. */
  readonly columns: readonly string[];
  /** Row-major: `counts[r * columns.length + c]`. */
  readonly counts: Uint32Array;
  /** Row-major like counts: count / row total, in 0..1. */
  readonly rowShares: Float64Array;
  readonly rowTotals: Uint32Array;
  readonly columnTotals: Uint32Array;
  /** Images counted: those with a value in both fields. */
  readonly total: number;
  /** Images of the selection left out for having no value in one field or both. */
  readonly unvalued: number;
}

/**
 * Takes an index, the row and column fields, and a selection of record ids (as evaluate returns;
 * every image when omitted; ids outside the index are skipped); returns the images counted per
 * (row value, column value), with row and column totals and row shares. Images with no value in
 * either field (the brain plane, operator or machine of an African image) are left out and
 * counted in `unvalued`. Only values with an image counted are listed, in display order. The same
 * field on both sides gives a diagonal. O(selection + rows × columns); never throws.
 */
export function crossTab(
  index: DatasetIndex,
  rowField: CrossTabField,
  columnField: CrossTabField,
  selection?: Uint32Array,
): CrossTab {
  const rowFacet = index.facets[rowField];
  const columnFacet = index.facets[columnField];
  const width = columnFacet.values.length;
  const full = new Uint32Array(rowFacet.values.length * width);
  const n = index.records.length;
  const length = selection === undefined ? n : selection.length;
  let unvalued = 0;
  for (let at = 0; at < length; at++) {
    const id = selection === undefined ? at : (selection[at] ?? n);
    if (id >= n) continue;
    const r = rowFacet.codes[id] ?? NONE;
    const c = columnFacet.codes[id] ?? NONE;
    if (r === NONE || c === NONE) unvalued++;
    else full[r * width + c] = (full[r * width + c] ?? 0) + 1;
  }

  const fullRowTotals = rowFacet.values.map((_, r) =>
    sum(full.subarray(r * width, r * width + width)),
  );
  const fullColumnTotals = columnFacet.values.map((_, c) =>
    rowFacet.values.reduce((total, _label, r) => total + (full[r * width + c] ?? 0), 0),
  );
  const rowCodes = codesWithImages(fullRowTotals);
  const columnCodes = codesWithImages(fullColumnTotals);

  const counts = new Uint32Array(rowCodes.length * columnCodes.length);
  const rowShares = new Float64Array(counts.length);
  rowCodes.forEach((r, i) => {
    const rowTotal = fullRowTotals[r] ?? 0;
    columnCodes.forEach((c, j) => {
      const count = full[r * width + c] ?? 0;
      counts[i * columnCodes.length + j] = count;
      rowShares[i * columnCodes.length + j] = count / rowTotal;
    });
  });
  const rowTotals = Uint32Array.from(rowCodes, (r) => fullRowTotals[r] ?? 0);

  return {
    rowField,
    columnField,
    rows: rowCodes.map((r) => rowFacet.values[r] ?? ''),
    columns: columnCodes.map((c) => columnFacet.values[c] ?? ''),
    counts,
    rowShares,
    rowTotals,
    columnTotals: Uint32Array.from(columnCodes, (c) => fullColumnTotals[c] ?? 0),
    total: sum(rowTotals),
    unvalued,
  };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return total;
}

function codesWithImages(totals: readonly number[]): number[] {
  return totals.flatMap((total, code) => (total > 0 ? [code] : []));
}
