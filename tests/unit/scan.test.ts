import { buildIndex } from '../../src/core/datasetIndex.ts';
import type { PngHeader } from '../../src/core/types.ts';
import type { FileEntry } from '../../src/io/folder.ts';
import type { ImageHead } from '../../src/io/imageHead.ts';
import type { ScanCache } from '../../src/io/scanCache.ts';
import type { ScanResult } from '../../src/workers/protocol.ts';
import type { ScanPool } from '../../src/workers/scanPool.ts';
import { createAppStore } from '../../src/state/app.ts';
import { restoreThumbnails, startScan } from '../../src/state/scan.ts';
import { createThumbnails } from '../../src/state/thumbnails.ts';
import { fetalRecord } from './records.ts';

const header: PngHeader = { width: 800, height: 600, bitDepth: 8, colorType: 0 };
const records = Array.from({ length: 6 }, (_, i) =>
  fetalRecord({ name: `Patient0000${i + 1}_Plane1_1_of_1`, patient: String(i + 1) }),
);
const entry = (path: string): FileEntry => ({
  path,
  size: 10,
  lastModified: 1,
  getFile: () => Promise.resolve(new File([], path)),
});

/** A cache that finds nothing and stores nothing. */
const emptyCache: ScanCache = {
  getMany: async (keys) => keys.map(() => undefined),
  putMany: () => {},
  flush: async () => true,
  clearCache: async () => true,
  open: async () => {},
  available: () => true,
};

/** Reads a header for every file but those named in `bad`, which are no PNG. */
function heads(bad: readonly string[] = [], read: string[] = []) {
  return async (file: File): Promise<ImageHead> => {
    read.push(file.name);
    return bad.includes(file.name)
      ? { ok: false, reason: 'it is not a PNG' }
      : { ok: true, header, bytes: 10 };
  };
}

/** A pool that drops every visible request (its cells scrolled away) and reads the rest. */
function droppingPool(asked: string[]): ScanPool {
  return {
    request: async (key, _file, priority): Promise<ScanResult> => {
      asked.push(`${priority}:${key}`);
      if (priority === 'visible') return { ok: false, dropped: true };
      return { ok: true, header, bytes: 10, thumbnail: null };
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

describe('startScan', () => {
  it('reads later a cell dropped for scrolling away, and finishes the pass', async () => {
    const store = createAppStore();
    const index = buildIndex(records, () => true);
    const data = {
      name: 'x',
      origin: 'input' as const,
      sources: [],
      index,
      entries: records.map((record) => entry(record.path)),
      metadataOnly: false,
    };
    store.set({
      data,
      phase: 'ready',
      progress: { ...store.get().progress, images: records.length },
    });
    const asked: string[] = [];
    const scan = startScan(store, data, createThumbnails(), {
      cache: emptyCache,
      pool: droppingPool(asked),
      readHead: heads(),
    });
    scan.show([0, 1]);

    await vi.waitFor(() => expect(store.get().progress.scanning).toBe(false), { timeout: 5000 });
    expect(store.get().progress.scanned).toBe(records.length);
    expect(store.get().progress.headersRead).toBe(records.length);
    expect(index.sizesKnown).toBe(records.length);
    // The two visible cells were asked for as visible, dropped, then read in the background.
    expect(asked.filter((a) => a.startsWith('visible:'))).toHaveLength(2);
    expect(asked.filter((a) => a.startsWith('background:'))).toHaveLength(records.length);
  });

  it('knows every size from the header pass, and reports an unreadable file once', async () => {
    const store = createAppStore();
    const index = buildIndex(records, () => true);
    const data = {
      name: 'x',
      origin: 'input' as const,
      sources: [],
      index,
      entries: records.map((record) => entry(record.path)),
      metadataOnly: false,
    };
    const bad = records[3]?.path ?? '';
    const asked: string[] = [];
    const headersRead: string[] = [];
    const sizesWhenThumbnailsStart: number[] = [];
    const pool = droppingPool(asked);
    const scan = startScan(store, data, createThumbnails(), {
      cache: emptyCache,
      pool: {
        ...pool,
        request: (key, file, priority) => {
          if (priority === 'background') sizesWhenThumbnailsStart.push(index.sizesKnown);
          return pool.request(key, file, priority);
        },
      },
      readHead: heads([bad], headersRead),
    });
    scan.show([]);

    await vi.waitFor(() => expect(store.get().progress.scanning).toBe(false), { timeout: 5000 });
    // Each header once; every readable size known before the first background thumbnail.
    expect([...headersRead].sort()).toEqual(records.map((record) => record.path).sort());
    expect(sizesWhenThumbnailsStart[0]).toBe(records.length - 1);
    expect(index.sizesKnown).toBe(records.length - 1);
    // The file that is no PNG is reported once and never asked of the workers.
    const problems = store.get().problems.filter((p) => p.kind === 'unreadable-image');
    expect(problems.map((p) => p.file)).toEqual([bad]);
    expect(asked.some((a) => a.endsWith(`:${bad}|10|1`))).toBe(false);
    expect(store.get().progress.scanned).toBe(records.length);
  });

  it('fetches dropped thumbnails back from the cache when their cells are shown', async () => {
    const index = buildIndex(records, () => true);
    const entries = records.map((record) => entry(record.path));
    const data = {
      name: 'x',
      origin: 'input' as const,
      sources: [],
      index,
      entries,
      metadataOnly: false,
    };
    const stored = new Blob(['jpeg'], { type: 'image/jpeg' });
    const asked: string[][] = [];
    const cache: ScanCache = {
      ...emptyCache,
      getMany: async (keys) => {
        asked.push([...keys]);
        return keys.map(() => ({ header, bytes: 10, thumbnail: stored }));
      },
    };
    const thumbnails = createThumbnails({ limit: 1 });
    thumbnails.put(0, new Blob(['0']));
    thumbnails.put(1, new Blob(['1']));
    expect(thumbnails.get(0)).toBeUndefined();

    await restoreThumbnails(data, thumbnails, [0, 1], cache);
    // Only the dropped cell was looked up, by its cache key, and it is back.
    expect(asked).toEqual([[`${records[0]?.path}|10|1`]]);
    expect(typeof thumbnails.get(0)).toBe('string');
  });

  it('asks for the rows around the viewport only once the viewport is read', async () => {
    const store = createAppStore();
    const index = buildIndex(records, () => true);
    const entries = records.map((record) => entry(record.path));
    const data = {
      name: 'x',
      origin: 'input' as const,
      sources: [],
      index,
      entries,
      metadataOnly: false,
    };
    const asked: string[] = [];
    const pending: (() => void)[] = [];
    const pool: ScanPool = {
      ...droppingPool([]),
      request: (key, _file, priority) => {
        asked.push(`${priority}:${key.split('|')[0]}`);
        return new Promise((resolve) =>
          pending.push(() => resolve({ ok: true, header, bytes: 10, thumbnail: null })),
        );
      },
    };
    const scan = startScan(store, data, createThumbnails(), {
      cache: emptyCache,
      pool,
      readHead: heads(),
    });
    const path = (id: number) => `visible:${records[id]?.path}`;
    scan.show([0, 1, 2, 3], 2);
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    // The first cell is asked last: the pool serves visible requests newest first.
    expect(asked).toEqual([path(1), path(0)]);
    pending.splice(0).forEach((resolve) => resolve());
    await vi.waitFor(() => expect(asked).toHaveLength(4));
    expect(asked.slice(2)).toEqual([path(3), path(2)]);
    scan.cancel();
  });
});
