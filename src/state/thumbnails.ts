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

  const notify = (id: number) => listeners.get(id)?.forEach((listener) => listener());

  const trim = () => {
    if (held.size <= limit || !canDrop()) return;
    for (const id of held.keys()) {
      if (held.size <= limit) break;
      if (listeners.has(id)) continue;
      held.delete(id);
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
      notify(id);
      trim();
    },
    fail(id) {
      failed.add(id);
      notify(id);
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
        if (set.size === 0) listeners.delete(id);
      };
    },
    dropped: (ids) => ids.filter((id) => gone.has(id)),
    clear() {
      held.clear();
      failed.clear();
      gone.clear();
      for (const set of listeners.values()) set.forEach((listener) => listener());
    },
    size: () => held.size,
  };
}
