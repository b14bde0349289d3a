import { createStore, getMany as idbGetMany, setMany, clear, type UseStore } from 'idb-keyval';
import type { FileMeta, ImageHashes, PngHeader } from '../core/types.ts';

/**
 * A scan as cached: the header, size, thumbnail and hashes of a readable image, or why it is not.
 * Scans cached before hashes were taken have none: the image is read again for them.
 */
export type CachedScan =
  | {
      readonly header: PngHeader;
      readonly bytes: number;
      readonly thumbnail: Blob | null;
      readonly hashes?: ImageHashes | null;
    }
  | { readonly reason: string };

export interface ScanCache {
  /** The cached scans of `keys`, in their order (undefined for a miss), read in one transaction. */
  getMany(keys: readonly string[]): Promise<(CachedScan | undefined)[]>;
  /** Buffers scans to write; they are written together once enough wait or a moment has passed. */
  putMany(entries: Iterable<readonly [key: string, scan: CachedScan]>): void;
  /** Writes what is buffered now, in one transaction; resolves whether it was stored. */
  flush(): Promise<boolean>;
  /** Deletes every cached scan; resolves whether the storage could be cleared. */
  clearCache(): Promise<boolean>;
  /** Opens the database now (creating it on a new profile), so that the first look-up is quick. */
  open(): Promise<void>;
  /** False once the storage failed (quota, private mode): then it stores and finds nothing. */
  available(): boolean;
}

export interface ScanCacheOptions {
  /** Opens the store; default: the `scans` store of the `planescope-cache` database. */
  readonly store?: () => UseStore;
  /** Longest wait before buffered scans are written, in ms; default 200. */
  readonly flushMs?: number;
  /** Number of buffered scans that are written at once; default 200. */
  readonly flushSize?: number;
}

/** The cache key of a file: a file changed on disk (size or date) gets a new key. */
export function cacheKey(meta: FileMeta): string {
  return `${meta.path}|${meta.size}|${meta.lastModified}`;
}

/**
 * A cache of scan results in IndexedDB, opened on first use. A storage failure never rejects:
 * reads then miss, writes are dropped, and `available()` turns false.
 */
export function createScanCache(options: ScanCacheOptions = {}): ScanCache {
  const flushMs = options.flushMs ?? 200;
  const flushSize = options.flushSize ?? 200;
  let store: UseStore | null = null;
  let ok = true;
  let buffer = new Map<string, CachedScan>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  // Opened on first use, not at creation: without IndexedDB (tests, some private modes) it throws.
  function openStore(): UseStore {
    store ??= (options.store ?? (() => createStore('planescope-cache', 'scans')))();
    return store;
  }

  /** Runs `work` on the store; a failure turns the cache off instead of rejecting. */
  async function attempt<T>(work: (store: UseStore) => Promise<T>): Promise<{ value: T } | null> {
    if (!ok) return null;
    try {
      return { value: await work(openStore()) };
    } catch {
      ok = false;
      buffer.clear();
      return null;
    }
  }

  async function flush(): Promise<boolean> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (buffer.size === 0) return ok;
    const batch = [...buffer];
    buffer = new Map();
    return (await attempt((store) => setMany(batch, store))) !== null;
  }

  return {
    async getMany(keys) {
      const found = keys.map((key) => buffer.get(key));
      const misses = keys.filter((_, at) => found[at] === undefined);
      if (misses.length === 0) return found;

      const stored = await attempt((store) => idbGetMany<CachedScan>(misses, store));
      let next = 0;
      return found.map((scan) => scan ?? stored?.value[next++]);
    },

    putMany(entries) {
      if (!ok) return;
      for (const [key, scan] of entries) buffer.set(key, scan);
      if (buffer.size >= flushSize) void flush();
      else timer ??= setTimeout(() => void flush(), flushMs);
    },

    flush,

    async clearCache() {
      buffer.clear();
      ok = true;
      return (await attempt((store) => clear(store))) !== null;
    },

    async open() {
      await attempt((store) => idbGetMany<CachedScan>([], store));
    },

    available: () => ok,
  };
}

let shared: ScanCache | null = null;

/** The app's scan cache, created on first call. */
export function scanCache(): ScanCache {
  shared ??= createScanCache();
  return shared;
}
