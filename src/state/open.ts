import { buildIndex } from '../core/datasetIndex.ts';
import { DATASET_LABEL } from '../core/types.ts';
import { loadFolder, type FolderJoin } from '../core/join.ts';
import type { FileEntry, OpenedFolder } from '../io/folder.ts';
import { MARK, mark } from '../io/marks.ts';
import { EMPTY_PROGRESS, type AppStore, type OpenData } from './app.ts';

/** Called once a folder is open and joined: starts the background pass over its images. */
export type OnOpened = (data: OpenData) => void;

/** Shows the loading screen for a folder being listed; returns the listing progress callback. */
export function beginListing(store: AppStore): (listed: number) => void {
  store.set({
    phase: 'loading',
    notice: null,
    problems: [],
    progress: EMPTY_PROGRESS,
    viewer: null,
  });
  return (listed) => store.set((state) => ({ progress: { ...state.progress, listed } }));
}

/** Back to the start screen with a plain message; whatever was open stays closed. */
export function showNotice(store: AppStore, notice: string): void {
  store.set({ phase: 'start', notice, data: null, progress: EMPTY_PROGRESS, problems: [] });
}

/**
 * Reads a listed folder's CSVs, joins them with its files and builds the index; the grid and
 * the filters work from here, before any image is read. A folder with no known dataset goes back
 * to the start screen with a message naming what was found. Resolves to the open data, or null.
 */
export async function openListedFolder(
  store: AppStore,
  folder: OpenedFolder,
  signal: AbortSignal,
): Promise<OpenData | null> {
  store.set((state) => ({ progress: { ...state.progress, listed: folder.entries.length } }));
  const byPath = new Map(folder.entries.map((entry) => [entry.path, entry]));
  const readText = async (path: string) => {
    const entry = byPath.get(path);
    if (entry === undefined) throw new Error('not in the folder');
    return (await entry.getFile()).text();
  };
  const join = await loadFolder(folder.entries, readText);
  if (signal.aborted) return null;

  if (join.sources.length === 0) {
    showNotice(store, noDatasetNotice(folder, join));
    return null;
  }

  const index = buildIndex(join.records, (path) => byPath.has(path));
  const entries = join.files.map((file) =>
    file === null ? null : (byPath.get(file.path) ?? null),
  );
  const images = entries.filter((entry): entry is FileEntry => entry !== null).length;
  const data: OpenData = {
    name: folder.name,
    origin: folder.origin,
    sources: join.sources,
    index,
    entries,
    metadataOnly: images === 0,
    files: byPath,
    hashes: { content: [], frequencies: [] },
    handle: folder.handle,
  };
  mark(MARK.indexed, { count: index.records.length });
  store.set((state) => ({
    phase: 'ready',
    data,
    problems: join.problems,
    progress: { ...state.progress, rowsRead: join.records.length, images, scanning: images > 0 },
    sizesVersion: state.sizesVersion + 1,
    auditVersion: state.auditVersion + 1,
    // Loaded from the tag store next; none meanwhile, never the last folder's.
    tags: index.records.map(() => []),
    tagNotice: null,
  }));
  return data;
}

function noDatasetNotice(folder: OpenedFolder, join: FolderJoin): string {
  const names = `${DATASET_LABEL.fetal} or ${DATASET_LABEL.african}`;
  const unknown = join.problems.filter((problem) => problem.kind === 'csv-unknown');
  if (folder.entries.length === 0) return `“${folder.name}” is empty.`;
  if (unknown.length === 0) {
    return (
      `No dataset found in “${folder.name}”: it holds no CSV file. ` +
      `Open the folder that holds the ${names} CSV.`
    );
  }
  const reasons = unknown.map((problem) => problem.message).join(' ');
  return `No dataset found in “${folder.name}”. ${reasons}`;
}
