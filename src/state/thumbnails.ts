/** A tile's picture: the thumbnail's JPEG, `unreadable`, or undefined while not made yet. */
export type TileImage = Blob | typeof UNREADABLE | undefined;

export const UNREADABLE = 'unreadable';

/** Thumbnails by record id, with a listener per id so that one tile re-renders. */
export interface Thumbnails {
  get(id: number): TileImage;
  put(id: number, blob: Blob): void;
  /** Marks an image that could not be read or decoded. */
  fail(id: number): void;
  subscribe(id: number, listener: () => void): () => void;
  /** Notes that a tile has drawn the thumbnail of `id` it was given (or could not decode it). */
  drawn(id: number): void;
  /**
   * Resolves once every id among `ids` that a tile shows has its thumbnail drawn: what is held
   * and subscribed to but not yet drawn is waited for; nothing else is.
   */
  whenDrawn(ids: readonly number[]): Promise<void>;
  /** The ids among `ids` whose thumbnail was dropped to bound memory: fetch them again. */
  dropped(ids: readonly number[]): number[];
  /** Forgets every thumbnail (a new folder, or the page closing). */
  clear(): void;
  /** Thumbnails held in memory now. */
  readonly size: () => number;
}

export interface ThumbnailOptions {
  /** Most thumbnails held at once; the least recently used beyond it are dropped. */
  readonly limit?: number;
  /** Whether a thumbnail may be dropped now, i.e. whether it can be fetched again (a cache). */
  readonly canDrop?: () => boolean;
}

/**
 * Creates an empty thumbnail registry. Beyond `limit`, the least recently used thumbnails that
 * no tile shows are dropped (while `canDrop` allows). It hands out the JPEG blobs themselves, no
 * object URLs: tiles draw them into canvases (see BlobCanvas), because an `<img>` of a URL leaves
 * its decoded pixels in the compositor's image cache long after the tile is gone.
 */
export function createThumbnails(options: ThumbnailOptions = {}): Thumbnails {
  const limit = options.limit ?? Infinity;
  const canDrop = options.canDrop ?? (() => true);
  // In least recently used order: a Map iterates in insertion order, and a use re-inserts.
  const held = new Map<number, Blob>();
  const failed = new Set<number>();
  const gone = new Set<number>();
  const listeners = new Map<number, Set<() => void>>();
  // Ids whose held thumbnail a tile has drawn; a new thumbnail for an id is not drawn yet.
  const painted = new Set<number>();
  let waiters: { readonly ids: readonly number[]; readonly resolve: () => void }[] = [];

  const notify = (id: number) => listeners.get(id)?.forEach((listener) => listener());
  const pending = (id: number) => held.has(id) && listeners.has(id) && !painted.has(id);
  const settle = () => {
    if (waiters.length === 0) return;
    const waiting = waiters;
    waiters = [];
    for (const waiter of waiting) {
      if (waiter.ids.some(pending)) waiters.push(waiter);
      else waiter.resolve();
    }
  };

  const trim = () => {
    if (held.size <= limit || !canDrop()) return;
    for (const id of held.keys()) {
      if (held.size <= limit) break;
      if (listeners.has(id)) continue;
      held.delete(id);
      painted.delete(id);
      gone.add(id);
    }
  };

  return {
    get(id) {
      const blob = held.get(id);
      if (blob === undefined) return failed.has(id) ? UNREADABLE : undefined;
      return blob;
    },
    put(id, blob) {
      held.delete(id);
      held.set(id, blob);
      gone.delete(id);
      painted.delete(id);
      notify(id);
      trim();
    },
    fail(id) {
      failed.add(id);
      notify(id);
      settle();
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (set === undefined) listeners.set(id, (set = new Set()));
      set.add(listener);
      // A tile showing the thumbnail makes it the most recently used.
      const blob = held.get(id);
      if (blob !== undefined) {
        held.delete(id);
        held.set(id, blob);
      }
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(id);
          settle();
        }
      };
    },
    drawn(id) {
      if (!held.has(id)) return;
      painted.add(id);
      settle();
    },
    whenDrawn(ids) {
      if (!ids.some(pending)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ ids, resolve }));
    },
    dropped: (ids) => ids.filter((id) => gone.has(id)),
    clear() {
      held.clear();
      failed.clear();
      gone.clear();
      painted.clear();
      for (const set of listeners.values()) set.forEach((listener) => listener());
      settle();
    },
    size: () => held.size,
  };
}
