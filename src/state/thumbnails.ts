/** A tile's picture: an object URL, `unreadable`, or undefined while not made yet. */
export type TileImage = string | typeof UNREADABLE | undefined;

export const UNREADABLE = 'unreadable';

/** Object URLs of thumbnails by record id, with a listener per id so that one tile re-renders. */
export interface Thumbnails {
  get(id: number): TileImage;
  /** Takes ownership of the blob: its object URL is revoked by `clear`. */
  put(id: number, blob: Blob): void;
  /** Marks an image that could not be read or decoded. */
  fail(id: number): void;
  subscribe(id: number, listener: () => void): () => void;
  /** Forgets every thumbnail and revokes their URLs (a new folder, or the page closing). */
  clear(): void;
  readonly size: () => number;
}

/** Creates an empty thumbnail registry. */
export function createThumbnails(): Thumbnails {
  const urls = new Map<number, string>();
  const failed = new Set<number>();
  const listeners = new Map<number, Set<() => void>>();
  return {
    get: (id) => urls.get(id) ?? (failed.has(id) ? UNREADABLE : undefined),
    put(id, blob) {
      const previous = urls.get(id);
      if (previous !== undefined) URL.revokeObjectURL(previous);
      urls.set(id, URL.createObjectURL(blob));
      listeners.get(id)?.forEach((listener) => listener());
    },
    fail(id) {
      failed.add(id);
      listeners.get(id)?.forEach((listener) => listener());
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (set === undefined) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
    clear() {
      for (const url of urls.values()) URL.revokeObjectURL(url);
      urls.clear();
      failed.clear();
      for (const set of listeners.values()) set.forEach((listener) => listener());
    },
    size: () => urls.size,
  };
}
