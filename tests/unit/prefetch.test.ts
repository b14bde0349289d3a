import { naturalCompare } from '../../src/core/datasetIndex.ts';
import { setQuery, toggleValue } from '../../src/core/facets.ts';
import type { PngHeader } from '../../src/core/types.ts';
import type { FileEntry } from '../../src/io/folder.ts';
import { cacheKey, type CachedScan, type ScanCache } from '../../src/io/scanCache.ts';
import { initialState, type AppState } from '../../src/state/app.ts';
import { firstScreenGuess, prefetchFirstScreen } from '../../src/state/prefetch.ts';
import type { ScanResult } from '../../src/workers/protocol.ts';
import type { ScanPool } from '../../src/workers/scanPool.ts';

const header: PngHeader = { width: 800, height: 600, bitDepth: 8, colorType: 0 };
const hashes = { content: 'ab', frequencies: new Float32Array(64) };

const entry = (path: string): FileEntry => ({
  path,
  size: 10,
  lastModified: 1,
  getFile: () => Promise.resolve(new File([], path)),
});

// 45 FETAL-like images listed in no useful order, the CSV, and a stray text file.
const names = Array.from(
  { length: 45 },
  (_, i) => `Patient${String(45 - i).padStart(5, '0')}_Plane1_1_of_1`,
);
const entries = [
  entry('FETAL_PLANES_DB_data.csv'),
  ...names.map((name) => entry(`Images/${name}.png`)),
  entry('Images/aaa_notes.txt'),
];
const GUESS = 30;
// The grid's opening order is by file name: these are the images it shows first.
const firstPaths = names
  .map((name) => `Images/${name}.png`)
  .sort(naturalCompare)
  .slice(0, GUESS);
const keyOf = (path: string) => cacheKey(entry(path));

/** A pool that reads every request, or drops those whose key is in `drop`; it records the order. */
function recordingPool(asked: string[], drop: ReadonlySet<string> = new Set()): ScanPool {
  return {
    request: async (key): Promise<ScanResult> => {
      asked.push(key);
      if (drop.has(key)) return { ok: false, dropped: true };
      return { ok: true, header, bytes: 10, thumbnail: new Blob([key]), hashes };
    },
    setVisible: () => {},
    prepare: () => {},
    pause: () => {},
    resume: () => {},
    cancelAll: () => {},
    dispose: () => {},
    stats: () => ({ queued: 0, running: 0, done: 0 }),
  };
}

/** A cache holding `held`, recording each look-up and each write. */
function recordingCache(held: ReadonlyMap<string, CachedScan> = new Map()) {
  const lookups: string[][] = [];
  const puts: string[] = [];
  const cache: ScanCache = {
    getMany: async (keys) => {
      lookups.push([...keys]);
      return keys.map((key) => held.get(key));
    },
    putMany: (scans) => {
      for (const [key] of scans) puts.push(key);
    },
    flush: async () => true,
    clearCache: async () => true,
    open: async () => {},
    available: () => true,
  };
  return { cache, lookups, puts };
}

describe('prefetchFirstScreen', () => {
  it('reads the first images by name, the first one asked for last, and caches them', async () => {
    const asked: string[] = [];
    const { cache, puts } = recordingCache();
    const served = prefetchFirstScreen(initialState(), entries, recordingPool(asked), cache, GUESS);
    const found = await served.getMany(firstPaths.map(keyOf));

    expect(asked).toEqual(firstPaths.map(keyOf).reverse());
    expect(found.map((scan) => scan !== undefined && 'header' in scan)).toEqual(
      firstPaths.map(() => true),
    );
    expect([...puts].sort()).toEqual(firstPaths.map(keyOf).sort());
  });

  it('serves read-ahead scans from memory and asks the cache only for the others', async () => {
    const { cache, lookups } = recordingCache();
    const served = prefetchFirstScreen(initialState(), entries, recordingPool([]), cache, GUESS);
    const later = keyOf(`Images/${names[0]}.png`); // Patient00045: not in the first screen
    const guessed = keyOf(firstPaths[0] ?? '');
    const found = await served.getMany([later, guessed]);

    // The first look-up is the read-ahead's own, of every guess; then only `later`.
    expect(lookups).toEqual([firstPaths.map(keyOf), [later]]);
    expect(found[0]).toBeUndefined();
    expect(found[1]).toMatchObject({ header, bytes: 10 });
  });

  it('reads no image the cache holds, unless cached before the audit had hashes', async () => {
    const fresh: CachedScan = { header, bytes: 10, thumbnail: null, hashes };
    const stale: CachedScan = { header, bytes: 10, thumbnail: null, hashes: null };
    const [first, second] = firstPaths.map(keyOf);
    const held = new Map([
      [first ?? '', fresh],
      [second ?? '', stale],
    ]);
    const asked: string[] = [];
    const served = prefetchFirstScreen(
      initialState(),
      entries,
      recordingPool(asked),
      recordingCache(held).cache,
      GUESS,
    );
    const found = await served.getMany([first ?? '', second ?? '']);
    expect(asked).not.toContain(first);
    expect(asked).toContain(second);
    expect(found[0]).toBe(fresh);
    expect(found[1]).toMatchObject({ hashes });
  });

  it('looks a guess the pool dropped up in the cache, like any other image', async () => {
    const guessed = keyOf(firstPaths[2] ?? '');
    const { cache, lookups } = recordingCache();
    const served = prefetchFirstScreen(
      initialState(),
      entries,
      recordingPool([], new Set([guessed])),
      cache,
      GUESS,
    );
    expect(await served.getMany([guessed])).toEqual([undefined]);
    expect(lookups.at(-1)).toEqual([guessed]);
  });

  it('reads nothing ahead when the grid will not open in its first order', () => {
    const opening = initialState();
    const others: AppState[] = [
      { ...opening, view: { ...opening.view, sort: 'plane' } },
      { ...opening, view: { ...opening.view, descending: true } },
      { ...opening, view: { ...opening.view, perPatient: true } },
      { ...opening, filter: toggleValue(opening.filter, 'plane', 'Fetal brain') },
      { ...opening, filter: setQuery(opening.filter, 'Patient00044') },
    ];
    for (const state of others) {
      const asked: string[] = [];
      const { cache, lookups } = recordingCache();
      const served = prefetchFirstScreen(state, entries, recordingPool(asked), cache, GUESS);
      expect(served).toBe(cache);
      expect(asked).toEqual([]);
      expect(lookups).toEqual([]);
    }
  });

  it('guesses the cells of a first screen from the window and the tile size', () => {
    // 1440x900 with 160 px tiles: a grid 1,120 px wide holds 6 columns spread to 180 px, and
    // 620 px high shows parts of 3 rows of 228 px (tile, caption and gap).
    expect(firstScreenGuess(1440, 900, 160)).toBe(18);
    // 168 px wider: 7 columns of 177 px, still 3 rows.
    expect(firstScreenGuess(1440 + 168, 900, 160)).toBe(21);
    // 228 px taller: a fourth row.
    expect(firstScreenGuess(1440, 900 + 228, 160)).toBe(24);
    expect(firstScreenGuess(200, 100, 160)).toBe(1);
  });
});
