import { setImageSize } from '../core/datasetIndex.ts';
import { THUMBNAIL_SIDE } from '../core/thumbnail.ts';
import type { PngHeader, Problem } from '../core/types.ts';
import { readImageHead, type ImageHead } from '../io/imageHead.ts';
import { MARK, mark } from '../io/marks.ts';
import { cacheKey, scanCache, type CachedScan, type ScanCache } from '../io/scanCache.ts';
import type { ScanResult } from '../workers/protocol.ts';
import { createScanPool, type ScanPool } from '../workers/scanPool.ts';
import type { AppStore, OpenData } from './app.ts';
import type { Thumbnails } from './thumbnails.ts';

// Sizes and counts reach the UI in batches: a render per image would cost more than the images.
const PUBLISH_MS = 200;

// Images looked up in the cache at a time. A cache key needs the file's size, and the first read
// of a File's size is a synchronous stat (~0.3 ms): small chunks keep the page responsive.
const CHUNK = 128;

// Header reads in flight. Each is a 33-byte slice: the cost is the browser's per-file overhead,
// which overlaps well up to a few dozen reads and no further (see BENCHMARKS.md).
const HEADER_READS = 32;

const NOTHING = { reads: Promise.resolve() };

// The audit is redone at most this often while the pass runs: over a whole FETAL_PLANES_DB
// its near-duplicate search takes 40 ms and allocates ~18 MB (node), so outside the Audit tab,
// where only the Finding counts show it, it is redone less often.
const AUDIT_MS = 3000;
const AUDIT_AWAY_MS = 10_000;

// How long the background passes wait for the grid to report its first screen of cells.
const FIRST_SCREEN_WAIT_MS = 2000;

/** The background passes over a folder's images, and the way the grid asks for its cells first. */
export interface Scan {
  /**
   * The record ids on screen now: they are read before anything else, the first `onScreen`
   * (default: all) before the others, which are the rows just around the viewport.
   */
  readonly show: (ids: readonly number[], onScreen?: number) => void;
  /** Stops the passes; what was read stays. */
  readonly cancel: () => void;
}

/** What `startScan` reads with; tests pass fakes. */
export interface ScanTools {
  readonly cache?: ScanCache;
  readonly pool?: ScanPool;
  readonly readHead?: (file: File) => Promise<ImageHead>;
}

/**
 * Reads every present image of `data`: first the cells on screen (thumbnail and header), then
 * every image's header alone (33 bytes each, so that all sizes are known within seconds), then
 * every thumbnail in index order, from IndexedDB where cached and otherwise in workers. Sizes go
 * into the index, thumbnails into `thumbnails`, unreadable images into the problems (once each);
 * the store hears of them in batches. Takes ownership of `tools.pool`: it is disposed at the end.
 */
export function startScan(
  store: AppStore,
  data: OpenData,
  thumbnails: Thumbnails,
  tools: ScanTools = {},
): Scan {
  const cache = tools.cache ?? scanCache();
  const pool = tools.pool ?? createScanPool({ thumbnail: THUMBNAIL_SIDE });
  const readHead = tools.readHead ?? readImageHead;
  const count = data.entries.length;
  const keys: (string | null | undefined)[] = new Array(count);
  // Thumbnail pass, per id: 0 not looked at, 1 being looked up in the cache, 2 done, 3 asked of
  // the workers. `sized` is 1 once the image's size is known or it is found unreadable.
  const state = new Uint8Array(count);
  const sized = new Uint8Array(count);
  const present = data.entries.flatMap((entry, id) => (entry === null ? [] : [id]));
  const unreadable: Problem[] = [];
  let settled = 0;
  let headers = 0;
  let made = 0;
  let stopped = false;
  let shownAny = false;
  let shows = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let auditTimer: ReturnType<typeof setTimeout> | null = null;
  // Whether a size was learnt since the last publish: only then are size summaries redone.
  let sizesChanged = false;
  // Whether anything the audit reads changed since it was last redone, and when that was.
  let auditChanged = false;
  let auditAt = 0;

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
    const resized = sizesChanged;
    sizesChanged = false;
    auditChanged ||= resized || found.length > 0;
    const now = performance.now();
    const every = store.get().view.tab === 'audit' ? AUDIT_MS : AUDIT_AWAY_MS;
    const audit = auditChanged && (final || now - auditAt >= every);
    if (audit) {
      auditChanged = false;
      auditAt = now;
    } else if (auditChanged && !stopped) {
      auditTimer ??= setTimeout(
        () => {
          auditTimer = null;
          publish();
        },
        every - (now - auditAt),
      );
    }
    store.set((app) => ({
      sizesVersion: resized ? app.sizesVersion + 1 : app.sizesVersion,
      auditVersion: audit ? app.auditVersion + 1 : app.auditVersion,
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
    if (auditTimer !== null) clearTimeout(auditTimer);
    publish(true);
  };

  const changed = () => {
    if (settled === present.length) {
      finish();
      void cache.flush().then(() => mark(MARK.thumbnailsDone, { count: made }));
    } else {
      timer ??= setTimeout(publish, PUBLISH_MS);
    }
  };

  const size = (id: number, header: PngHeader, bytes: number) => {
    if (sized[id] === 1) return;
    sized[id] = 1;
    setImageSize(data.index, id, header.width, header.height, bytes);
    sizesChanged = true;
    headers++;
    if (headers === present.length) mark(MARK.headersDone, { count: headers });
  };

  /** Settles `id` as unreadable in both passes, reporting it once. */
  const fail = (id: number, reason: string) => {
    if (state[id] === 2) return;
    state[id] = 2;
    settled++;
    if (sized[id] === 0) {
      sized[id] = 1;
      sizesChanged = true;
      headers++;
      if (headers === present.length) mark(MARK.headersDone, { count: headers });
    }
    thumbnails.fail(id);
    const path = data.entries[id]?.path ?? '';
    unreadable.push({
      kind: 'unreadable-image',
      file: path,
      message: `${path} cannot be shown: ${reason}.`,
      reason,
    });
  };

  const apply = (id: number, scan: CachedScan) => {
    if (state[id] === 2 || stopped) return;
    if ('reason' in scan) {
      fail(id, scan.reason);
    } else {
      state[id] = 2;
      settled++;
      size(id, scan.header, scan.bytes);
      if (scan.hashes) {
        if (scan.hashes.content !== '') data.hashes.content[id] = scan.hashes.content;
        data.hashes.frequencies[id] = scan.hashes.frequencies;
        auditChanged = true;
      }
      if (scan.thumbnail !== null) {
        thumbnails.put(id, scan.thumbnail);
        if (made++ === 0) mark(MARK.firstThumbnail);
      }
    }
    changed();
  };

  const read = async (id: number, key: string, priority: 'visible' | 'background') => {
    const entry = data.entries[id];
    if (entry == null) return;
    state[id] = 3;
    const result: ScanResult = await pool.request(key, entry.getFile, priority);
    if (stopped) return;
    // A cell that scrolled away before its turn: the pass still owes it a read, later.
    if (!result.ok && result.dropped) return read(id, key, 'background');
    const scan = cachedScanOf(result);
    cache.putMany([[key, scan]]);
    apply(id, scan);
  };

  /**
   * Looks ids up in the cache, applies the hits and asks the workers for the misses; ids already
   * under way are skipped. Resolves once the look-up is done, to the reads it started.
   */
  const lookUp = async (ids: readonly number[], priority: 'visible' | 'background') => {
    const todo = ids.filter((id) => state[id] === 0 && keyOf(id) !== null);
    for (const id of todo) state[id] = 1;
    const cached = await cache.getMany(todo.map((id) => keyOf(id) ?? ''));
    if (stopped) return { reads: Promise.resolve() };
    const misses: number[] = [];
    todo.forEach((id, at) => {
      const scan = cached[at];
      if (scan === undefined || !isCurrentScan(scan)) misses.push(id);
      else apply(id, scan);
    });
    // The pool serves visible requests newest first: ask for the first cell last.
    if (priority === 'visible') misses.reverse();
    const reads = Promise.all(misses.map((id) => read(id, keyOf(id) ?? '', priority)));
    return { reads: reads.then(() => {}) };
  };

  const readHeader = async (id: number) => {
    const entry = data.entries[id];
    if (entry == null || sized[id] === 1) return;
    const head = await readHead(await entry.getFile());
    if (stopped || sized[id] === 1) return;
    if (head.ok) size(id, head.header, head.bytes);
    else fail(id, head.reason);
    changed();
  };

  const headerPass = async () => {
    mark(MARK.headersStart, { count: headers });
    let next = 0;
    const worker = async () => {
      while (!stopped && next < present.length) {
        const id = present[next++];
        if (id !== undefined) await readHeader(id);
      }
    };
    await Promise.all(Array.from({ length: HEADER_READS }, worker));
  };

  const thumbnailPass = async () => {
    mark(MARK.thumbnailsStart, { count: made });
    // Chunk n + 1 is looked up while chunk n is being read, so the workers never wait on the
    // cache; no more than two chunks are queued at once.
    let reading: Promise<void> = Promise.resolve();
    for (let at = 0; at < present.length && !stopped; at += CHUNK) {
      const { reads } = await lookUp(present.slice(at, at + CHUNK), 'background');
      await reading;
      reading = reads;
    }
  };

  // The background passes wait for the first screen of cells to be read and drawn, so that their
  // reads neither queue ahead of them nor take the main thread from their drawing; they start
  // anyway if the grid reports nothing soon.
  let openGate = () => {};
  let gateOpen = false;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const gateTimer = setTimeout(() => openGate(), FIRST_SCREEN_WAIT_MS);

  const passes = async () => {
    await gate;
    gateOpen = true;
    clearTimeout(gateTimer);
    await headerPass();
    if (!stopped) await thumbnailPass();
  };

  store.set((app) => ({ progress: { ...app.progress, scanning: present.length > 0 } }));
  if (present.length === 0) publish(true);
  else void passes();

  return {
    show(ids, onScreen = ids.length) {
      if (stopped) return;
      const call = ++shows;
      if (!shownAny && ids.length > 0) {
        shownAny = true;
        mark(MARK.firstCells, { count: ids.length });
      }
      const visible = new Set<string>();
      for (const id of ids) {
        const key = state[id] === 2 ? null : keyOf(id);
        if (key != null) visible.add(key);
      }
      pool.setVisible(visible);
      // Cells already looked up are waiting in the pool: raise them to the front.
      for (const id of [...ids].reverse()) {
        const key = keys[id];
        if (state[id] === 3 && key != null) void read(id, key, 'visible');
      }
      // The rows around the viewport wait for the viewport's: they would share the cores.
      const around = ids.slice(onScreen);
      void lookUp(ids.slice(0, onScreen), 'visible')
        .then(({ reads }) => reads)
        // Only for the latest call: an earlier one's surroundings may have scrolled away.
        .then(() => (stopped || call !== shows ? NOTHING : lookUp(around, 'visible')))
        .then(({ reads }) => reads)
        // The first screen's thumbnails decode and draw on this thread: header reads wait. Once
        // the passes run, later screens (every scroll) have nothing to wait for.
        .then(async () => {
          if (gateOpen || ids.length === 0) return;
          await thumbnails.whenDrawn(ids);
          await afterNextPaint();
          openGate();
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

/** Resolves once the next frame is painted (at once where there are no frames, as in tests). */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  // A frame's callbacks run before its paint; a task queued from one runs after it.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Fetches again from `cache` the thumbnails of `ids` that `thumbnails` dropped to bound memory
 * (cells scrolled back into view). Resolves once they are back; a miss leaves the cell as it is.
 */
export async function restoreThumbnails(
  data: OpenData,
  thumbnails: Thumbnails,
  ids: readonly number[],
  cache: ScanCache = scanCache(),
): Promise<void> {
  const missing = thumbnails.dropped(ids);
  if (missing.length === 0) return;
  const keys = missing.map((id) => {
    const entry = data.entries[id];
    return entry == null ? '' : cacheKey(entry);
  });
  const found = await cache.getMany(keys);
  missing.forEach((id, at) => {
    const scan = found[at];
    if (scan !== undefined && !('reason' in scan) && scan.thumbnail !== null) {
      thumbnails.put(id, scan.thumbnail);
    }
  });
}

/**
 * Takes a cached scan; returns whether it can be used as it is. An image cached before the audit
 * existed has no hashes (or hashes of an older kind) and must be read again. Never throws.
 */
export function isCurrentScan(scan: CachedScan): boolean {
  return (
    !('header' in scan) || (scan.hashes != null && scan.hashes.frequencies instanceof Float32Array)
  );
}

/** Takes a scan that was not dropped; returns what the cache keeps of it. Never throws. */
export function cachedScanOf(result: Exclude<ScanResult, { readonly dropped: true }>): CachedScan {
  return result.ok
    ? {
        header: result.header,
        bytes: result.bytes,
        thumbnail: result.thumbnail,
        hashes: result.hashes,
      }
    : { reason: result.reason };
}
