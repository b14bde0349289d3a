import { isEmptyFilter } from '../core/facets.ts';
import { gridColumns, justifiedTile, rowHeight } from '../core/gridLayout.ts';
import { firstByName } from '../core/order.ts';
import type { FileEntry } from '../io/folder.ts';
import { cacheKey, type CachedScan, type ScanCache } from '../io/scanCache.ts';
import type { ScanPool } from '../workers/scanPool.ts';
import type { AppState } from './app.ts';
import { cachedScanOf, isCurrentScan } from './scan.ts';

// The explorer's chrome beside and above the grid: the filter panel (19rem) with the paddings,
// then the header, tabs and toolbar above it and the problems bar below. A guess a row off costs a few decodes, no more.
const CHROME_WIDTH = 320;
const CHROME_HEIGHT = 280;

/**
 * Takes the window's inner size and the tile edge, in CSS pixels; returns about how many cells
 * the grid's first screen shows, before the grid exists to say. Never throws.
 */
export function firstScreenGuess(width: number, height: number, tile: number): number {
  const inner = Math.max(0, width - CHROME_WIDTH);
  const columns = gridColumns(inner, tile);
  const edge = justifiedTile(inner, columns, tile);
  const rows = Math.max(1, Math.ceil((height - CHROME_HEIGHT) / rowHeight(edge)));
  return columns * rows;
}

/**
 * Starts reading, as soon as the folder is listed, the images its grid will most likely show
 * first: the first `count` PNGs by file name, when the grid is in its opening order
 * (by name, ascending, one tile per image, nothing filtered). Their scans come from `cache` or
 * from `pool`, while the CSVs are still read and joined; fresh ones are put in `cache`. Returns
 * `cache` with those scans served from memory once they are in; a guess the grid does not show
 * is dropped by the pool like any cell scrolled away. Never throws.
 */
export function prefetchFirstScreen(
  state: AppState,
  entries: readonly FileEntry[],
  pool: ScanPool,
  cache: ScanCache,
  count: number,
): ScanCache {
  const { view, filter } = state;
  const opening =
    view.sort === 'name' && !view.descending && !view.perPatient && isEmptyFilter(filter);
  if (!opening) return cache;
  const images = entries.filter((entry) => entry.path.endsWith('.png'));
  const guessed = firstByName(
    images.map((entry) => entry.path),
    count,
  ).flatMap((at) => images[at] ?? []);
  if (guessed.length === 0) return cache;
  const keys = guessed.map(cacheKey);

  const readAhead = async (key: string, entry: FileEntry): Promise<CachedScan | undefined> => {
    const result = await pool.request(key, entry.getFile, 'visible');
    if (!result.ok && result.dropped) return undefined;
    const scan = cachedScanOf(result);
    cache.putMany([[key, scan]]);
    return scan;
  };
  const scans = cache.getMany(keys).then((found) => {
    const out: Promise<CachedScan | undefined>[] = [];
    // The pool serves visible requests newest first: the first image is asked for last.
    for (let at = keys.length - 1; at >= 0; at--) {
      const hit = found[at];
      const entry = guessed[at];
      out[at] =
        hit !== undefined && isCurrentScan(hit)
          ? Promise.resolve(hit)
          : entry === undefined
            ? Promise.resolve(undefined)
            : readAhead(keys[at] ?? '', entry);
    }
    return out;
  });
  const ahead = new Map(keys.map((key, at) => [key, scans.then((all) => all[at])] as const));

  return {
    ...cache,
    async getMany(asked) {
      const early = asked.map((key) => ahead.get(key));
      const others = asked.filter((_, at) => early[at] === undefined);
      const [mine, theirs] = await Promise.all([
        Promise.all(early.map((scan) => scan ?? Promise.resolve(undefined))),
        others.length === 0 ? Promise.resolve([]) : cache.getMany(others),
      ]);
      for (const key of asked) ahead.delete(key);
      // A guess dropped before it was read is looked up like any other.
      const dropped = asked.filter((_, at) => early[at] !== undefined && mine[at] === undefined);
      const late = dropped.length === 0 ? [] : await cache.getMany(dropped);
      let other = 0;
      let drop = 0;
      return asked.map((_, at) =>
        early[at] === undefined ? theirs[other++] : (mine[at] ?? late[drop++]),
      );
    },
  };
}
