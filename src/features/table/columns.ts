import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  type Column,
  type ReactTable,
} from '@tanstack/react-table';
import type { DatasetIndex } from '../../core/datasetIndex.ts';
import { cellText, TABLE_COLUMNS } from '../../core/table.ts';

/** One row of the table: a record id of the index in the table's meta. */
export interface TableRow {
  readonly id: number;
}

/**
 * Sorting is manual (the core sorts record ids over typed arrays); the table keeps the sort and
 * the hidden columns, and reads cells from the index at render, so sizes show as they arrive.
 */
export const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  tableMeta: {} as { readonly index: DatasetIndex },
  columnMeta: {} as { readonly numeric: boolean },
});

export type ImageTable = ReactTable<typeof features, TableRow>;

const helper = createColumnHelper<typeof features, TableRow>();

// Module-level so the table's column model is built once.
export const columns = helper.columns(
  TABLE_COLUMNS.map(({ key, label, numeric }) =>
    helper.accessor((row) => row.id, {
      id: key,
      header: label,
      cell: ({ row, table }) => {
        const index = table.options.meta?.index;
        return index === undefined ? '' : cellText(index, row.original.id, key);
      },
      meta: { numeric },
      // The file name names the row: it stays.
      enableHiding: key !== 'file',
    }),
  ),
);

/** Takes a column; returns the class names of its header and cells. */
export function cellClass(column: Column<typeof features, TableRow>): string {
  const numeric = column.columnDef.meta?.numeric === true ? ' table-cell--numeric' : '';
  return `table-cell table-cell--${column.id}${numeric}`;
}

/** The table's row id: the record id, so that React keys follow the image, not its position. */
export function rowId(row: TableRow): string {
  return String(row.id);
}

/** Takes record ids in order; returns them as the table's data. */
export function toRows(ids: Uint32Array): TableRow[] {
  return Array.from(ids, (id) => ({ id }));
}
