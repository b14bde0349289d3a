// Grid geometry as pure math, so the grid component only wires it to the DOM.

/** Space between tiles, and the caption under each thumbnail, in CSS pixels. */
export const TILE_GAP = 8;
export const TILE_CAPTION = 40;

/** Takes the grid's inner width and the tile edge; returns how many columns fit (at least 1). */
export function gridColumns(width: number, tile: number, gap = TILE_GAP): number {
  return Math.max(1, Math.floor((width + gap) / (tile + gap)));
}

/**
 * Takes the grid's inner width, the column count and the asked tile edge; returns the tile edge
 * that spreads the columns over the whole width (never smaller than asked).
 */
export function justifiedTile(
  width: number,
  columns: number,
  tile: number,
  gap = TILE_GAP,
): number {
  const spread = Math.floor((width - (columns - 1) * gap) / columns);
  return Math.max(tile, spread);
}

/** Takes the tile edge; returns the height of one grid row, caption and gap included. */
export function rowHeight(tile: number): number {
  return tile + TILE_CAPTION + TILE_GAP;
}

/** The keys that move the focus through the grid. */
export type GridKey =
  'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/**
 * Takes the focused cell's position, a key, the column count, the cell count and how many rows a
 * page holds; returns the position the focus moves to, clamped to the cells (Home and End go to
 * the row's ends, or to the grid's ends with `toEdge`). Returns `index` for an empty grid.
 */
export function moveFocus(
  index: number,
  key: GridKey,
  columns: number,
  count: number,
  pageRows: number,
  toEdge = false,
): number {
  if (count === 0) return index;
  const rowStart = index - (index % columns);
  const target = (() => {
    switch (key) {
      case 'ArrowLeft':
        return index - 1;
      case 'ArrowRight':
        return index + 1;
      case 'ArrowUp':
        return index - columns;
      case 'ArrowDown':
        return index + columns;
      case 'PageUp':
        return index - columns * Math.max(1, pageRows);
      case 'PageDown':
        return index + columns * Math.max(1, pageRows);
      case 'Home':
        return toEdge ? 0 : rowStart;
      case 'End':
        return toEdge ? count - 1 : rowStart + columns - 1;
    }
  })();
  if ((key === 'ArrowUp' || key === 'PageUp') && target < 0) return index % columns;
  return Math.min(count - 1, Math.max(0, target));
}

/** Takes a key name; returns whether the grid handles it. */
export function isGridKey(key: string): key is GridKey {
  return [
    'ArrowLeft',
    'ArrowRight',
    'ArrowUp',
    'ArrowDown',
    'Home',
    'End',
    'PageUp',
    'PageDown',
  ].includes(key);
}
