import { buildIndex } from '../../src/core/datasetIndex.ts';
import type { ImageHashes, PngHeader } from '../../src/core/types.ts';
import type { FileEntry } from '../../src/io/folder.ts';
import type { ImageHead } from '../../src/io/imageHead.ts';
import type { ScanCache } from '../../src/io/scanCache.ts';
import type { ScanResult } from '../../src/workers/protocol.ts';
import type { ScanPool } from '../../src/workers/scanPool.ts';
import { createAppStore, type OpenData } from '../../src/state/app.ts';
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
      return { ok: true, header, bytes: 10, thumbnail: null, hashes: null };
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
      files: new Map(),
      hashes: { content: [], frequencies: [] },
      handle: null,
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
      files: new Map(),
      hashes: { content: [], frequencies: [] },
      handle: null,
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
      files: new Map(),
      hashes: { content: [], frequencies: [] },
      handle: null,
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
    expect(thumbnails.get(0)).toBe(stored);
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
      files: new Map(),
      hashes: { content: [], frequencies: [] },
      handle: null,
    };
    const asked: string[] = [];
    const pending: (() => void)[] = [];
    const pool: ScanPool = {
      ...droppingPool([]),
      request: (key, _file, priority) => {
        asked.push(`${priority}:${key.split('|')[0]}`);
        return new Promise((resolve) =>
          pending.push(() =>
            resolve({ ok: true, header, bytes: 10, thumbnail: null, hashes: null }),
          ),
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

describe('startScan, first screen', () => {
  it("reads no header until the first screen's thumbnails are drawn", async () => {
    const store = createAppStore();
    const data = openData();
    const thumbnails = createThumbnails();
    const read: string[] = [];
    const jpeg = new Blob(['jpeg'], { type: 'image/jpeg' });
    const pool = answeringPool(() => ({
      ok: true,
      header,
      bytes: 10,
      thumbnail: jpeg,
      hashes: null,
    }));
    // The tiles of the first screen (ids 0 and 1) are mounted, as the grid's would be.
    thumbnails.subscribe(0, () => {});
    thumbnails.subscribe(1, () => {});
    const scan = startScan(store, data, thumbnails, {
      cache: emptyCache,
      pool,
      readHead: heads([], read),
    });
    scan.show([0, 1], 2);
    await vi.waitFor(() => expect([thumbnails.get(0), thumbnails.get(1)]).toEqual([jpeg, jpeg]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    thumbnails.drawn(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toEqual([]);
    thumbnails.drawn(1);
    // The two on screen came with their sizes from the workers: the header pass reads the rest.
    await vi.waitFor(() => expect(read).toEqual(records.slice(2).map((record) => record.path)));
    scan.cancel();
  });
});

/** A folder of `records`, all present, with no hashes read yet. */
function openData(): OpenData {
  return {
    name: 'x',
    origin: 'input',
    sources: [],
    index: buildIndex(records, () => true),
    entries: records.map((record) => entry(record.path)),
    metadataOnly: false,
    files: new Map(),
    hashes: { content: [], frequencies: [] },
    handle: null,
  };
}

/** A pool that answers each request with `answer(path)` and records the paths asked for. */
function answeringPool(answer: (path: string) => ScanResult, asked: string[] = []): ScanPool {
  return {
    ...droppingPool([]),
    request: async (key) => {
      const path = key.split('|')[0] ?? '';
      asked.push(path);
      return answer(path);
    },
  };
}

/** Runs a whole pass over `data` and resolves once it is over. */
async function scanAll(data: OpenData, tools: Parameters<typeof startScan>[3]) {
  const store = createAppStore();
  store.set({ data, phase: 'ready' });
  // A first screen of one cell, so that the background passes need not wait for one.
  startScan(store, data, createThumbnails(), { readHead: heads(), ...tools }).show([0]);
  await vi.waitFor(() => expect(store.get().progress.scanning).toBe(false), { timeout: 5000 });
  return store;
}

describe("startScan, with the audit's hashes", () => {
  const content = (id: number) => `${'ab'.repeat(31)}${String(id).padStart(2, '0')}`;
  const frequencies = (id: number) => Float32Array.from({ length: 64 }, (_, k) => id * 100 + k);
  const idOf = (path: string) => records.findIndex((record) => record.path === path);

  it("keeps each image's content hash and frequencies, and bumps the audit's version", async () => {
    const data = openData();
    const hashed = (path: string): ScanResult => ({
      ok: true,
      header,
      bytes: 10,
      thumbnail: null,
      // The first image's browser offers no digest.
      hashes: {
        content: idOf(path) === 0 ? '' : content(idOf(path)),
        frequencies: frequencies(idOf(path)),
      },
    });
    const before = createAppStore().get().auditVersion;
    const store = await scanAll(data, { cache: emptyCache, pool: answeringPool(hashed) });

    expect(data.hashes.content).toEqual(
      records.map((_, id) => (id === 0 ? undefined : content(id))),
    );
    expect(data.hashes.frequencies).toEqual(records.map((_, id) => frequencies(id)));
    expect(store.get().auditVersion).toBeGreaterThan(before);
  });

  it('reports an image the workers cannot decode once, with its reason', async () => {
    const data = openData();
    const bad = records[2]?.path ?? '';
    const reason = 'the image could not be decoded';
    const store = await scanAll(data, {
      cache: emptyCache,
      pool: answeringPool((path) =>
        path === bad
          ? { ok: false, dropped: false, reason }
          : { ok: true, header, bytes: 10, thumbnail: null, hashes: null },
      ),
    });

    const problems = store.get().problems.filter((p) => p.kind === 'unreadable-image');
    expect(problems).toEqual([
      {
        kind: 'unreadable-image',
        file: bad,
        message: `${bad} cannot be shown: ${reason}.`,
        reason,
      },
    ]);
    expect(data.hashes.frequencies[2]).toBeUndefined();
  });

  it("gives an image whose header is no PNG a problem with the header's reason", async () => {
    const data = openData();
    const bad = records[4]?.path ?? '';
    const store = await scanAll(data, {
      cache: emptyCache,
      pool: answeringPool(() => ({ ok: true, header, bytes: 10, thumbnail: null, hashes: null })),
      readHead: heads([bad]),
    });

    const problems = store.get().problems.filter((p) => p.kind === 'unreadable-image');
    expect(problems.map((p) => [p.file, p.reason])).toEqual([[bad, 'it is not a PNG']]);
  });

  it('reads again the cached scans that lack hashes, and only those', async () => {
    const data = openData();
    const current: ImageHashes = { content: content(0), frequencies: frequencies(0) };
    // As an earlier version cached them: no hashes, null, or hashes of another kind.
    const older = { content: content(1), perceptual: '00000000000000ff' } as unknown as ImageHashes;
    const cachedAs = [current, undefined, null, older, current, current];
    const cache: ScanCache = {
      ...emptyCache,
      getMany: async (keys) =>
        keys.map((key) => {
          const id = idOf(key.split('|')[0] ?? '');
          const hashes = cachedAs[id];
          return hashes === undefined
            ? { header, bytes: 10, thumbnail: null }
            : { header, bytes: 10, thumbnail: null, hashes };
        }),
    };
    const asked: string[] = [];
    const fresh = (path: string): ScanResult => ({
      ok: true,
      header,
      bytes: 10,
      thumbnail: null,
      hashes: { content: content(idOf(path)), frequencies: frequencies(idOf(path)) },
    });
    await scanAll(data, { cache, pool: answeringPool(fresh, asked) });

    expect([...asked].sort()).toEqual([1, 2, 3].map((id) => records[id]?.path));
    // Hits keep the cached hashes; the images read again get the workers' new ones.
    expect(data.hashes.frequencies).toEqual(
      records.map((_, id) => frequencies([1, 2, 3].includes(id) ? id : 0)),
    );
  });
});
