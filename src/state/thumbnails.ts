/** A tile's picture: an object URL, `unreadable`, or undefined while not made yet. */
export type TileImage = string | typeof UNREADABLE | undefined;

export const UNREADABLE = 'unreadable';

/** Object URLs of thumbnails by record id, with a listener per id so that one tile re-renders. */
export interface Thumbnails {
  get(id: number): TileImage;
  /** Takes ownership of the blob: its object URL is revoked by `clear` or when it is dropped. */
  put(id: number, blob: Blob): void;
  /** Marks an image that could not be read or decoded. */
  fail(id: number): void;
  subscribe(id: number, listener: () => void): () => void;
  /** The ids among `ids` whose thumbnail was dropped to bound memory: fetch them again. */
  dropped(ids: readonly number[]): number[];
  /** Forgets every thumbnail and revokes their URLs (a new folder, or the page closing). */
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

interface Held {
  readonly blob: Blob;
  url: string | null;
}

/**
 * Creates an empty thumbnail registry. Object URLs are made when a tile first asks, not when a
 * thumbnail arrives: a background pass makes thousands nobody looks at. Beyond `limit`, the
 * least recently used thumbnails that no tile shows are dropped (while `canDrop` allows).
 */
export function createThumbnails(options: ThumbnailOptions = {}): Thumbnails {
  const limit = options.limit ?? Infinity;
  const canDrop = options.canDrop ?? (() => true);
  // In least recently used order: a Map iterates in insertion order, and a use re-inserts.
  const held = new Map<number, Held>();
  const failed = new Set<number>();
  const gone = new Set<number>();
  const listeners = new Map<number, Set<() => void>>();

  const notify = (id: number) => listeners.get(id)?.forEach((listener) => listener());

  const trim = () => {
    if (held.size <= limit || !canDrop()) return;
    for (const [id, thumbnail] of held) {
      if (held.size <= limit) break;
      if (listeners.has(id)) continue;
      if (thumbnail.url !== null) URL.revokeObjectURL(thumbnail.url);
      held.delete(id);
      gone.add(id);
    }
  };

  return {
    get(id) {
      const thumbnail = held.get(id);
      if (thumbnail === undefined) return failed.has(id) ? UNREADABLE : undefined;
      if (thumbnail.url === null) {
        thumbnail.url = URL.createObjectURL(thumbnail.blob);
        held.delete(id);
        held.set(id, thumbnail);
      }
      return thumbnail.url;
    },
    put(id, blob) {
      const previous = held.get(id);
      if (previous?.url != null) URL.revokeObjectURL(previous.url);
      held.delete(id);
      held.set(id, { blob, url: null });
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
      return () => {
        set.delete(listener);
        if (set.size > 0) return;
        listeners.delete(id);
        // A URL no tile shows keeps the browser's decoded copy of the image alive: let it go,
        // and make a new URL if the tile comes back.
        const thumbnail = held.get(id);
        if (thumbnail?.url != null) {
          URL.revokeObjectURL(thumbnail.url);
          thumbnail.url = null;
        }
      };
    },
    dropped: (ids) => ids.filter((id) => gone.has(id)),
    clear() {
      for (const thumbnail of held.values()) {
        if (thumbnail.url !== null) URL.revokeObjectURL(thumbnail.url);
      }
      held.clear();
      failed.clear();
      gone.clear();
      for (const set of listeners.values()) set.forEach((listener) => listener());
    },
    size: () => held.size,
  };
}
