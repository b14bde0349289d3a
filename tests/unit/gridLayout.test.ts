import {
  gridColumns,
  justifiedTile,
  moveFocus,
  rowHeight,
  TILE_CAPTION,
  TILE_GAP,
} from '../../src/core/gridLayout.ts';

describe('gridColumns', () => {
  it('fits as many tiles and gaps as the width holds, and never fewer than one', () => {
    expect(gridColumns(999, 160, 8)).toBe(5); // 6 tiles and 5 gaps need 1,000
    expect(gridColumns(6 * 160 + 5 * 8, 160, 8)).toBe(6);
    expect(gridColumns(100, 160, 8)).toBe(1);
    expect(gridColumns(0, 160, 8)).toBe(1);
  });
});

describe('justifiedTile', () => {
  it('widens the tiles to fill the row, never narrowing them', () => {
    expect(justifiedTile(1000, 5, 160, 8)).toBe(193); // (1000 - 4 * 8) / 5 = 193.6
    expect(justifiedTile(100, 1, 160, 8)).toBe(160);
  });
});

describe('rowHeight', () => {
  it('adds the caption and the gap to the tile', () => {
    expect(rowHeight(160)).toBe(160 + TILE_CAPTION + TILE_GAP);
  });
});

describe('moveFocus', () => {
  // A grid of 10 cells in 4 columns: rows 0-3, 4-7, 8-9.
  const move = (index: number, key: Parameters<typeof moveFocus>[1], toEdge = false) =>
    moveFocus(index, key, 4, 10, 2, toEdge);

  it('moves one cell left and right, clamped to the grid', () => {
    expect(move(5, 'ArrowRight')).toBe(6);
    expect(move(5, 'ArrowLeft')).toBe(4);
    expect(move(0, 'ArrowLeft')).toBe(0);
    expect(move(9, 'ArrowRight')).toBe(9);
  });

  it('moves one row up and down, to the last cell when the row below is short', () => {
    expect(move(5, 'ArrowDown')).toBe(9);
    expect(move(7, 'ArrowDown')).toBe(9);
    expect(move(5, 'ArrowUp')).toBe(1);
    expect(move(2, 'ArrowUp')).toBe(2);
  });

  it('goes to the ends of the row, or of the grid', () => {
    expect(move(6, 'Home')).toBe(4);
    expect(move(5, 'End')).toBe(7);
    expect(move(9, 'End')).toBe(9);
    expect(move(6, 'Home', true)).toBe(0);
    expect(move(2, 'End', true)).toBe(9);
  });

  it('moves a page of rows at a time', () => {
    expect(move(1, 'PageDown')).toBe(9);
    expect(move(9, 'PageUp')).toBe(1);
  });

  it('stays put in an empty grid', () => {
    expect(moveFocus(0, 'ArrowRight', 4, 0, 2)).toBe(0);
  });
});
