import { setImageSize } from '../core/datasetIndex.ts';
import { THUMBNAIL_SIDE } from '../core/thumbnail.ts';
import type { Problem } from '../core/types.ts';
import { cacheKey, scanCache, type CachedScan, type ScanCache } from '../io/scanCache.ts';
import type { ScanResult } from '../workers/protocol.ts';
import { createScanPool, type ScanPool } from '../workers/scanPool.ts';
import type { AppStore, OpenData } from './app.ts';
import type { Thumbnails } from './thumbnails.ts';

// Sizes and counts reach the UI in batches: a render per image would cost more than the images.
const PUBLISH_MS = 200;

// Images looked up in the cache at a time. A cache key needs the file's size, and the first read
// of a File's size is a synchronous stat (~0.3 ms): chunks keep the page responsive meanwhile.
const CHUNK = 256;

// How long the background pass waits for the grid to report its first screen of cells.
const FIRST_SCREEN_WAIT_MS = 2000;

/** The background pass over a folder's images, and the way the grid asks for its cells first. */
export interface Scan {
  /** The record ids on screen now: they are read before anything else. */
  readonly show: (ids: readonly number[]) => void;
  /** Stops the pass; what was read stays. */
  readonly cancel: () => void;
}

/**
 * Reads every present image of `data` once (header, byte size and thumbnail): the cells on
 * screen first, then the rest in index order, from IndexedDB where cached and otherwise in
 * workers. Sizes go into the index, thumbnails into `thumbnails`, unreadable images into the
 * problems; the store hears of them in batches.
 */
export function startScan(
  store: AppStore,
  data: OpenData,
  thumbnails: Thumbnails,
  using: { readonly cache?: ScanCache; readonly pool?: ScanPool } = {},
): Scan {
  const cache = using.cache ?? scanCache();
  const pool = using.pool ?? createScanPool({ thumbnail: THUMBNAIL_SIDE });
  const keys: (string | null | undefined)[] = new Array(data.entries.length);
  // 0: not looked at, 1: being looked up in the cache, 2: done, 3: asked of the workers.
  const state = new Uint8Array(data.entries.length);
  const present = data.entries.flatMap((entry, id) => (entry === null ? [] : [id]));
  const unreadable: Problem[] = [];
  let settled = 0;
  let headers = 0;
  let made = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const keyOf = (id: number): string | null => {
    let key = keys[id];
    if (key === undefined) {
      const entry = data.entries[id];
      key = entry == null ? null : cacheKey(entry);
      keys[id] = key;
    }
    return key;
  };

  const publish = (final = false) => {
    timer = null;
    const found = unreadable.splice(0);
    store.set((app) => ({
      sizesVersion: app.sizesVersion + 1,
      problems: found.length > 0 ? [...app.problems, ...found] : app.problems,
      progress: {
        ...app.progress,
        headersRead: headers,
        thumbnails: made,
        scanned: settled,
        scanning: !final && !stopped,
      },
    }));
  };

  const finish = () => {
    stopped = true;
    pool.dispose();
    if (timer !== null) clearTimeout(timer);
    void cache.flush();
    publish(true);
  };

  const apply = (id: number, scan: CachedScan) => {
    if (state[id] === 2 || stopped) return;
    state[id] = 2;
    settled++;
    const path = data.entries[id]?.path ?? '';
    if ('reason' in scan) {
      thumbnails.fail(id);
      unreadable.push({
        kind: 'unreadable-image',
        file: path,
        message: `${path} cannot be shown: ${scan.reason}.`,
      });
    } else {
      setImageSize(data.index, id, scan.header.width, scan.header.height, scan.bytes);
      headers++;
      if (scan.thumbnail !== null) {
        thumbnails.put(id, scan.thumbnail);
        made++;
      }
    }
    if (settled === present.length) finish();
    else timer ??= setTimeout(publish, PUBLISH_MS);
  };

  const read = async (id: number, key: string, priority: 'visible' | 'background') => {
    const entry = data.entries[id];
    if (entry == null) return;
    state[id] = 3;
    await pool.request(key, entry.getFile, priority).then((result: ScanResult) => {
      if (stopped) return;
      // A cell that scrolled away before its turn: the pass still owes it a read, later.
      if (!result.ok && result.dropped) return void read(id, key, 'background');
      const scan: CachedScan = result.ok
        ? { header: result.header, bytes: result.bytes, thumbnail: result.thumbnail }
        : { reason: result.reason };
      cache.putMany([[key, scan]]);
      apply(id, scan);
    });
  };

  /** Looks ids up in the cache and reads the misses; ids already under way are skipped. */
  const lookUp = async (ids: readonly number[], priority: 'visible' | 'background') => {
    const todo = ids.filter((id) => state[id] === 0 && keyOf(id) !== null);
    for (const id of todo) state[id] = 1;
    const cached = await cache.getMany(todo.map((id) => keyOf(id) ?? ''));
    if (stopped) return;
    const misses: number[] = [];
    todo.forEach((id, at) => {
      const scan = cached[at];
      if (scan === undefined) misses.push(id);
      else apply(id, scan);
    });
    // The pool serves visible requests newest first: ask for the first cell last.
    if (priority === 'visible') misses.reverse();
    await Promise.all(misses.map((id) => read(id, keyOf(id) ?? '', priority)));
  };

  // The background pass waits for the first screen of cells, so that its cache look-ups and
  // requests do not queue ahead of them; it starts anyway if the grid reports nothing soon.
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const gateTimer = setTimeout(() => openGate(), FIRST_SCREEN_WAIT_MS);

  const pass = async () => {
    await gate;
    clearTimeout(gateTimer);
    for (let at = 0; at < present.length && !stopped; at += CHUNK) {
      await lookUp(present.slice(at, at + CHUNK), 'background');
    }
  };

  store.set((app) => ({ progress: { ...app.progress, scanning: present.length > 0 } }));
  if (present.length === 0) publish(true);
  else void pass();

  return {
    show(ids) {
      if (stopped) return;
      const visible = new Set<string>();
      for (const id of ids) {
        const key = state[id] === 2 ? null : keyOf(id);
        if (key != null) visible.add(key);
      }
      pool.setVisible(visible);
      // Cells already looked up are waiting in the pool: raise them to the front.
      for (const id of [...ids].reverse()) {
        const key = keys[id];
        if (state[id] === 3 && key != null) read(id, key, 'visible');
      }
      void lookUp(ids, 'visible').then(() => {
        if (ids.length > 0) openGate();
      });
    },
    cancel() {
      if (stopped) return;
      clearTimeout(gateTimer);
      pool.cancelAll();
      finish();
    },
  };
}
