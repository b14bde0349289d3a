import { useTable, type ColumnVisibilityState, type SortingState } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { SIZE_COLUMNS } from '../../core/table.ts';
import { sortRows, tableSortOf } from '../../core/tableSort.ts';
import { useApp, useData, useOrderedSelection } from '../../state/derived.ts';
import { ColumnsMenu } from './ColumnsMenu.tsx';
import { columns, features, rowId, toRows } from './columns.ts';
import { TableGrid } from './TableGrid.tsx';
import './table.css';

/**
 * Every image the filters keep, one row each with every field: sortable by a header, columns
 * that can be hidden, only the rows on screen in the DOM. A row opens the image viewer.
 */
export default function TableView() {
  const hintId = useId();
  const data = useData();
  const selection = useOrderedSelection();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const sort = useMemo(() => tableSortOf(sorting), [sorting]);
  // Every size read changes what the size cells show; it reorders rows only under a size sort.
  const sizesVersion = useApp((state) => state.sizesVersion);
  const orderVersion = sort !== null && SIZE_COLUMNS.has(sort.key) ? sizesVersion : 0;

  // The table's rows change with the filters only; a sort reorders record ids in the core
  // (manualSorting), so it never rebuilds 12,400 row objects.
  const rows = useMemo(() => toRows(selection), [selection]);
  const order = useMemo(() => {
    void orderVersion;
    return data === null ? selection : sortRows(data.index, selection, sort);
  }, [data, selection, sort, orderVersion]);

  const meta = useMemo(() => (data === null ? undefined : { index: data.index }), [data]);
  const table = useTable({
    features,
    columns,
    data: rows,
    meta,
    getRowId: rowId,
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setColumnVisibility,
  });

  if (data === null) return null;
  return (
    <div className="table-view">
      <div className="table-toolbar">
        <ColumnsMenu table={table} />
        <p id={hintId} className="table-toolbar__hint">
          Click a row, or press Enter on it, to open the image. Click a header to sort.
        </p>
      </div>
      <TableGrid table={table} order={order} hintId={hintId} />
    </div>
  );
}
