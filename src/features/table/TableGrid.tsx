import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isRowKey, moveRow } from '../../core/table.ts';
import { useSession } from '../../state/react.ts';
import { BodyRow, ROW_HEIGHT, Spacer } from './BodyRow.tsx';
import type { ImageTable } from './columns.ts';
import { HEAD_HEIGHT, TableHead } from './TableHead.tsx';

interface Props {
  readonly table: ImageTable;
  /** The record ids of the table's rows in the order shown. */
  readonly order: Uint32Array;
  /** The id of the text that says how to use the rows. */
  readonly hintId: string;
}

/** The table itself, in its scroller: a sticky header and only the rows on screen. */
export function TableGrid({ table, order, hintId }: Props) {
  const session = useSession();
  const { rowsById } = table.getRowModel();
  const columnCount = table.getVisibleLeafColumns().length;
  const scroller = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(0);
  // The row the keys moved to: focused once the virtualizer has scrolled it into the DOM.
  const pendingFocus = useRef<number | null>(null);

  // The React Compiler is not used here, so the virtualizer's unmemoizable API is safe.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // The body starts below the header, and the sticky header covers what scrolls under it.
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const before = (items[0]?.start ?? HEAD_HEIGHT) - HEAD_HEIGHT;
  const after = virtualizer.getTotalSize() - ((items.at(-1)?.end ?? HEAD_HEIGHT) - HEAD_HEIGHT);

  useEffect(() => {
    session.show([...order.subarray(first, last + 1)]);
  }, [session, order, first, last]);

  const current = Math.min(focus, Math.max(0, order.length - 1));
  // A focused row scrolled out of the DOM hands the tab stop to the first row on screen.
  const tabStop = current >= first && current <= last ? current : first;
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(
      `[data-position="${pendingFocus.current}"]`,
    );
    if (row === null || row === undefined) return;
    pendingFocus.current = null;
    row.focus({ preventScroll: true });
  });

  const open = (position: number) => {
    const id = order[position];
    if (id === undefined) return;
    pendingFocus.current = null;
    setFocus(position);
    session.view(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const position = Number((event.target as HTMLElement).dataset.position);
    if (!Number.isInteger(position)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      return open(position);
    }
    if (!isRowKey(event.key)) return;
    event.preventDefault();
    const page = Math.floor(((scroller.current?.clientHeight ?? 0) - HEAD_HEIGHT) / ROW_HEIGHT);
    const next = moveRow(position, event.key, order.length, Math.max(1, page));
    pendingFocus.current = next;
    setFocus(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div ref={scroller} className="table-scroller">
      <table
        className="table"
        aria-label="Images"
        aria-describedby={hintId}
        aria-rowcount={order.length + 1}
      >
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} className={`table-col--${column.id}`} />
          ))}
        </colgroup>
        <TableHead table={table} />
        <tbody onKeyDown={onKeyDown}>
          {before > 0 && <Spacer height={before} columns={columnCount} />}
          {items.map((item) => {
            const row = rowsById[String(order[item.index])];
            if (row === undefined) return null;
            return (
              // Keyed by position: a re-sort as sizes arrive must not unmount the focused row.
              <BodyRow
                key={item.index}
                table={table}
                row={row}
                position={item.index}
                tabStop={item.index === tabStop}
                onOpen={open}
              />
            );
          })}
          {after > 0 && <Spacer height={after} columns={columnCount} />}
          {order.length === 0 && (
            <tr>
              <td className="table-empty" colSpan={columnCount}>
                No image matches the filters.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
