import type { Row } from '@tanstack/react-table';
import { cellClass, type features, type ImageTable, type TableRow } from './columns.ts';

/** A body row's height in CSS pixels: every row has one line of text. */
export const ROW_HEIGHT = 32;

interface Props {
  readonly table: ImageTable;
  readonly row: Row<typeof features, TableRow>;
  /** The row's place in the order shown, from 0. */
  readonly position: number;
  /** Whether Tab lands on this row. */
  readonly tabStop: boolean;
  readonly onOpen: (position: number) => void;
}

/** One image as a row of text cells; a click opens it. */
export function BodyRow({ table, row, position, tabStop, onOpen }: Props) {
  return (
    <tr
      className={position % 2 === 0 ? 'table-row' : 'table-row table-row--odd'}
      aria-rowindex={position + 2}
      data-position={position}
      tabIndex={tabStop ? 0 : -1}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onOpen(position)}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={cellClass(cell.column)}>
          <table.FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
}

/** Stands in for the rows above or below those on screen, so the scrollbar is the table's. */
export function Spacer({ height, columns }: { readonly height: number; readonly columns: number }) {
  return (
    <tr className="table-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
