import { normaliseTag, recordTags, storedTags, withTag, MAX_TAGS } from '../core/tags.ts';
import type { DatasetId } from '../core/types.ts';
import type { TagStore } from '../io/tagStore.ts';
import type { AppStore, OpenData } from './app.ts';

/**
 * The store key of a dataset's tags. The demo's images carry real names: its tags are kept apart,
 * so that trying the demo never tags the user's real dataset.
 */
export function tagSpace(data: OpenData, dataset: DatasetId): string {
  return data.origin === 'demo' ? `demo:${dataset}` : dataset;
}

function datasetsOf(data: OpenData): DatasetId[] {
  return [...new Set(data.index.records.map((record) => record.dataset))];
}

/** Loads the stored tags of the open data's datasets into the state, if it is still open. */
export async function loadTags(store: AppStore, data: OpenData, tags: TagStore): Promise<void> {
  const datasets = datasetsOf(data);
  const found = await tags.loadSpaces(datasets.map((dataset) => tagSpace(data, dataset)));
  if (store.get().data !== data) return;
  const byDataset = Object.fromEntries(datasets.map((dataset, at) => [dataset, found[at] ?? {}]));
  store.set({ tags: recordTags(data.index, byDataset) });
}

/**
 * Adds (or removes) a typed tag on records of the open data, then saves the datasets' tags.
 * Returns why it was refused (a tag that cannot be one, too many tags), or null.
 */
export function applyTag(
  store: AppStore,
  tags: TagStore,
  ids: Iterable<number>,
  typed: string,
  add: boolean,
): string | null {
  const data = store.get().data;
  if (data === null) return 'No folder is open.';
  const normal = normaliseTag(typed);
  if (!normal.ok) {
    store.set({ tagNotice: normal.reason });
    return normal.reason;
  }
  const result = withTag(store.get().tags, ids, normal.tag, add);
  if (result.full) {
    const reason = `A folder holds at most ${MAX_TAGS} different tags: remove one first.`;
    store.set({ tagNotice: reason });
    return reason;
  }
  if (!result.changed) return null;
  store.set({ tags: result.tags, tagNotice: null });
  const stored = storedTags(data.index, result.tags);
  void Promise.all(
    datasetsOf(data).map((dataset) => tags.save(tagSpace(data, dataset), stored[dataset] ?? {})),
  ).then((saved) => {
    if (saved.includes(false) && store.get().data === data) {
      store.set({
        tagNotice: 'The tags could not be saved in this browser: they will be lost on reload.',
      });
    }
  });
  return null;
}
