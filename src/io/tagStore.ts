import { createStore, getMany, set, type UseStore } from 'idb-keyval';
import type { StoredTags } from '../core/tags.ts';

/** The user's tags in IndexedDB, one entry per space (a dataset): image name to tags. */
export interface TagStore {
  /** The stored tags of each space asked for, in order (undefined when none); never rejects. */
  loadSpaces(spaces: readonly string[]): Promise<(StoredTags | undefined)[]>;
  /** Replaces a space's stored tags; resolves whether they were stored. Never rejects. */
  save(space: string, tags: StoredTags): Promise<boolean>;
}

/**
 * A tag store over the `tags` store of the `planescope-tags` database (or `open()`), opened on
 * first use. Tags are the user's work, unlike the scan cache: a failed write is reported, not
 * silently dropped, and a failed read is an empty load.
 */
export function createTagStore(
  open: () => UseStore = () => createStore('planescope-tags', 'tags'),
) {
  let store: UseStore | null = null;
  const opened = () => (store ??= open());
  const tagStore: TagStore = {
    async loadSpaces(spaces) {
      try {
        const found = await getMany<unknown>([...spaces], opened());
        return found.map((tags) => (isStoredTags(tags) ? tags : undefined));
      } catch {
        return spaces.map(() => undefined);
      }
    },
    async save(space, tags) {
      try {
        await set(space, tags, opened());
        return true;
      } catch {
        return false;
      }
    },
  };
  return tagStore;
}

let shared: TagStore | null = null;

/** The app's tag store. */
export function tagStore(): TagStore {
  shared ??= createTagStore();
  return shared;
}

/** Whether a stored value has the shape tags are saved in (another version may have written it). */
function isStoredTags(value: unknown): value is StoredTags {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (tags) => Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'),
  );
}
