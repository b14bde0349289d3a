import { setImageSize } from '../core/datasetIndex.ts';
import type { Problem } from '../core/types.ts';
import type { FileEntry } from '../io/folder.ts';
import { cacheKey, scanCache, type CachedScan } from '../io/scanCache.ts';
import type { ScanResult } from '../workers/protocol.ts';
import { createScanPool, type ScanPool } from '../workers/scanPool.ts';
import type { AppStore, OpenData } from './app.ts';
import type { Thumbnails } from './thumbnails.ts';

/** Longest side of a cached thumbnail, in pixels: sharp up to the largest tile. */
export const THUMBNAIL_SIDE = 256;

// Sizes and counts reach the UI in batches: a render per image would cost more than the images.
const PUBLISH_MS = 200;

/** The background pass over a folder's images, and the way the grid asks for its cells first. */
export interface Scan {
  /** The record ids on screen now: they are read before anything else. */
  readonly show: (ids: readonly number[]) => void;
  /** Stops the pass; what was read stays. */
  readonly cancel: () => void;
}

/**
 * Reads every present image of `data` once (header, byte size and thumbnail), the cached ones
 * from IndexedDB, the rest in workers in index order, visible cells first. Sizes go into the
 * index, thumbnails into `thumbnails`, unreadable images into the problems; the store hears of
 * them in batches.
 */
export function startScan(store: AppStore, data: OpenData, thumbnails: Thumbnails): Scan {
  const cache = scanCache();
  const pool: ScanPool = createScanPool({ thumbnail: THUMBNAIL_SIDE });
  const keys = data.entries.map((entry) => (entry === null ? null : cacheKey(entry)));
  const done = new Uint8Array(data.entries.length);
  const unreadable: Problem[] = [];
  const total = keys.filter((key) => key !== null).length;
  let settled = 0;
  let headers = 0;
  let made = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const publish = (final = false) => {
    timer = null;
    const found = unreadable.splice(0);
    store.set((state) => ({
      sizesVersion: state.sizesVersion + 1,
      problems: found.length > 0 ? [...state.problems, ...found] : state.problems,
      progress: {
        ...state.progress,
        headersRead: headers,
        thumbnails: made,
        scanned: settled,
        scanning: !final && !stopped,
      },
    }));
  };
  const schedule = () => {
    timer ??= setTimeout(publish, PUBLISH_MS);
  };

  const apply = (id: number, scan: CachedScan, entry: FileEntry) => {
    if (done[id] === 1) return;
    done[id] = 1;
    settled++;
    if ('reason' in scan) {
      thumbnails.fail(id);
      unreadable.push({
        kind: 'unreadable-image',
        file: entry.path,
        message: `${entry.path} cannot be shown: ${scan.reason}.`,
      });
    } else {
      setImageSize(data.index, id, scan.header.width, scan.header.height, scan.bytes);
      headers++;
      if (scan.thumbnail !== null) {
        thumbnails.put(id, scan.thumbnail);
        made++;
      }
    }
    if (settled === total) finish();
    else schedule();
  };

  const finish = () => {
    stopped = true;
    pool.dispose();
    if (timer !== null) clearTimeout(timer);
    void cache.flush();
    publish(true);
  };

  const request = (id: number, priority: 'visible' | 'background') => {
    const entry = data.entries[id];
    const key = keys[id];
    if (entry == null || key == null || done[id] === 1) return;
    void pool.request(key, entry.getFile, priority).then((result: ScanResult) => {
      if (stopped || (!result.ok && result.dropped)) return;
      const scan: CachedScan = result.ok
        ? { header: result.header, bytes: result.bytes, thumbnail: result.thumbnail }
        : { reason: result.reason };
      cache.putMany([[key, scan]]);
      apply(id, scan, entry);
    });
  };

  const run = async () => {
    const present = keys.flatMap((key, id) => (key === null ? [] : [{ key, id }]));
    const cached = await cache.getMany(present.map((item) => item.key));
    if (stopped) return;
    present.forEach(({ id }, at) => {
      const scan = cached[at];
      const entry = data.entries[id];
      if (scan !== undefined && entry != null) apply(id, scan, entry);
    });
    for (const { id } of present) request(id, 'background');
  };

  store.set((state) => ({ progress: { ...state.progress, scanning: total > 0 } }));
  if (total === 0) publish(true);
  else void run();

  return {
    show(ids) {
      const visible = new Set<string>();
      for (const id of ids) {
        const key = keys[id];
        if (key != null && done[id] !== 1) visible.add(key);
      }
      pool.setVisible(visible);
      for (const id of [...ids].reverse()) request(id, 'visible');
    },
    cancel() {
      if (stopped) return;
      pool.cancelAll();
      finish();
    },
  };
}
