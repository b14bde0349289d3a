import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import {
  gridColumns,
  isGridKey,
  justifiedTile,
  moveFocus,
  rowHeight,
  TILE_GAP,
} from '../../core/gridLayout.ts';
import { useApp, useData } from '../../state/derived.ts';
import { useGridTiles } from '../../state/gridTiles.ts';
import { useSession } from '../../state/react.ts';
import { useElementWidth } from '../../ui/useElementWidth.ts';
import { Tile } from './Tile.tsx';

const NO_TAGS: readonly string[] = [];

/** Every image the filters keep, as a virtualized grid: only the rows on screen are in the DOM. */
export function ImageGrid() {
  const session = useSession();
  const data = useData();
  const { ids, frames } = useGridTiles();
  const askedTile = useApp((state) => state.view.tileSize);
  const viewerOpen = useApp((state) => state.viewer !== null);
  const tags = useApp((state) => state.tags);
  const scroller = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scroller);
  const columns = gridColumns(width, askedTile);
  const tileSize = justifiedTile(width, columns, askedTile);
  const rows = Math.ceil(ids.length / columns);
  const [focus, setFocus] = useState(0);
  const focusAfterRender = useRef(false);

  // The React Compiler is not used here, so the virtualizer's unmemoizable API is safe.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight(tileSize),
    overscan: 2,
  });
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, tileSize, columns]);

  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items.at(-1)?.index ?? -1;
  // Rows in the viewport, without the overscan rows rendered around them.
  const shownFrom = virtualizer.range?.startIndex ?? firstRow;
  const shownTo = virtualizer.range?.endIndex ?? lastRow;
  // Before paint: the image pass starts reading while the browser paints the new rows.
  useLayoutEffect(() => {
    const cells = (from: number, to: number) => {
      const found: number[] = [];
      for (let at = from * columns; at < Math.min(ids.length, (to + 1) * columns); at++) {
        const id = ids[at];
        if (id !== undefined) found.push(id);
      }
      return found;
    };
    const onScreen = cells(shownFrom, shownTo);
    const around = [...cells(firstRow, shownFrom - 1), ...cells(shownTo + 1, lastRow)];
    session.show([...onScreen, ...around], onScreen.length);
    // The viewer's frame strip asks for its own thumbnails first: ask again for ours when it
    // closes.
  }, [session, ids, columns, firstRow, lastRow, shownFrom, shownTo, viewerOpen]);

  const current = Math.min(focus, Math.max(0, ids.length - 1));
  // The focused cell may have scrolled out of the DOM: then the first cell on screen takes the
  // tab stop, so that Tab still reaches the grid.
  const rendered = current >= firstRow * columns && current < (lastRow + 1) * columns;
  const tabStop = rendered ? current : firstRow * columns;
  // In the commit, not after paint: the focus moves before the next key is handled.
  useLayoutEffect(() => {
    if (!focusAfterRender.current) return;
    // A far jump (Ctrl+End) renders the target row only after the scroll: wait for it.
    const cell = scroller.current?.querySelector<HTMLElement>(`[data-position="${current}"]`);
    if (cell == null) return;
    focusAfterRender.current = false;
    cell.focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const id = ids[current];
    if (event.key === 'Enter' && id !== undefined) return session.view(id);
    if (!isGridKey(event.key)) return;
    event.preventDefault();
    const pageRows = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? 0) / rowHeight(tileSize)),
    );
    const next = moveFocus(
      current,
      event.key,
      columns,
      ids.length,
      pageRows,
      event.ctrlKey || event.metaKey,
    );
    focusAfterRender.current = true;
    setFocus(next);
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
  };

  if (data === null) return null;
  return (
    <div
      ref={scroller}
      className="grid-scroller"
      role="grid"
      aria-label="Images"
      aria-rowcount={rows}
      aria-colcount={columns}
      onKeyDown={onKeyDown}
      onDoubleClick={() => {
        const id = ids[current];
        if (id !== undefined) session.view(id);
      }}
      onFocus={(event) => {
        const position = Number((event.target as HTMLElement).dataset.position);
        if (Number.isInteger(position) && position !== current) setFocus(position);
      }}
      style={{ '--tile': `${tileSize}px` } as CSSProperties}
    >
      <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <div
            // Keyed by slot, not by row: a row scrolled out is reused for the row scrolled in,
            // so its tiles keep their elements and canvases and only draw new pictures. New
            // elements per row made the scroll collect garbage in long pauses.
            key={item.index % items.length}
            role="row"
            aria-rowindex={item.index + 1}
            className="grid-row"
            style={{
              transform: `translateY(${item.start}px)`,
              gap: TILE_GAP,
              height: rowHeight(tileSize),
            }}
          >
            {Array.from({ length: columns }, (_, column) => {
              const position = item.index * columns + column;
              const id = ids[position];
              const record = id === undefined ? undefined : data.index.records[id];
              if (id === undefined || record === undefined) return null;
              return (
                <Tile
                  key={column}
                  id={id}
                  position={position}
                  record={record}
                  present={data.index.present[id] === 1}
                  metadataOnly={data.metadataOnly}
                  focused={position === tabStop}
                  frames={frames?.[position] ?? null}
                  tags={tags[id] ?? NO_TAGS}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
