import { NEAR_DUPLICATE_MAX_BITS, NEAR_DUPLICATE_MIN_BITS } from '../core/audit/duplicates.ts';
import type { FacetKey, FilterState } from '../core/facets.ts';
import { clearFilter, setQuery, toggleValue } from '../core/facets.ts';
import { folderFromDrop } from '../io/drop.ts';
import type { OpenedFolder } from '../io/folder.ts';
import { folderFromInput } from '../io/folderInput.ts';
import { folderFromHandle } from '../io/handleWalk.ts';
import { loadDemoFolder } from '../io/demo.ts';
import { MARK, mark } from '../io/marks.ts';
import { forgetFolder, recallFolder, rememberFolder } from '../io/lastFolder.ts';
import { ensureReadPermission, pickFolder } from '../io/picker.ts';
import { createAppStore, type AppStore, type GridView } from './app.ts';
import { beginListing, openListedFolder, showNotice } from './open.ts';
import { firstScreenGuess, prefetchFirstScreen } from './prefetch.ts';
import { restoreThumbnails, startScan, type Scan } from './scan.ts';
import { scanCache } from '../io/scanCache.ts';
import { THUMBNAIL_SIDE } from '../core/thumbnail.ts';
import { createScanPool } from '../workers/scanPool.ts';
import { createThumbnails, type Thumbnails } from './thumbnails.ts';
import { tagStore } from '../io/tagStore.ts';
import { applyTag, loadTags } from './tags.ts';

/** The app's state with every action the UI can take on it. */
export interface Session {
  readonly store: AppStore;
  readonly thumbnails: Thumbnails;
  openPicker(): Promise<void>;
  openFiles(files: FileList | readonly File[]): Promise<void>;
  openDrop(items: DataTransferItemList): Promise<void>;
  reopen(): Promise<void>;
  openDemo(): Promise<void>;
  /** Stops what is loading: the listing and CSVs (back to start) or the image pass (kept open). */
  cancel(): void;
  /** Takes a stopped image pass up again; what was read comes back from the cache. */
  resumeScan(): void;
  /** Closes the folder and returns to the start screen. */
  close(): void;
  setFilter(filter: FilterState, how?: 'push' | 'replace'): void;
  toggle(key: FacetKey, value: string): void;
  search(query: string): void;
  clearFilters(): void;
  setView(patch: Partial<GridView>): void;
  /**
   * The record ids on screen, to be read first: the first `onScreen` of them are in the
   * viewport, the rest just around it (read once those are done).
   */
  show(ids: readonly number[], onScreen?: number): void;
  /** Opens the image viewer on a record; null closes it. */
  view(id: number | null): void;
  /** Sets the near-duplicate threshold of the audit, in bits (clamped to the allowed range). */
  setNearBits(bits: number): void;
  /** Any file of the open folder by relative path (rows' images or not); null if absent. */
  fileOf(path: string): Promise<File | null>;
  /**
   * Adds a typed tag to records of the open data (or removes it) and saves the tags; returns why
   * it was refused, or null.
   */
  tag(ids: Iterable<number>, tag: string, add: boolean): string | null;
}

/** Hooks the URL binding gives the session: where filter changes go. */
export interface FilterSink {
  (filter: FilterState, how: 'push' | 'replace'): void;
}

/**
 * Thumbnails kept in memory (about 12 kB each); beyond that, the least recently used wait in the
 * cache and come back when their cells are shown. Fetching them back while scrolling costs more
 * than holding a whole FETAL_PLANES_DB (see BENCHMARKS.md), so the bound is above it.
 */
const THUMBNAILS_HELD = 20_000;

/** Creates the session: a store, the thumbnails, and the actions over both. */
export function createSession(onFilter: FilterSink = () => {}): Session {
  const store = createAppStore();
  const thumbnails = createThumbnails({
    limit: THUMBNAILS_HELD,
    canDrop: () => scanCache().available(),
  });
  let loading: AbortController | null = null;
  let scan: Scan | null = null;
  // The grid may report its cells before the image pass exists: hand them over when it starts.
  let shown: readonly number[] = [];
  let shownOnScreen = 0;

  const reset = () => {
    loading?.abort();
    scan?.cancel();
    scan = null;
    shown = [];
    shownOnScreen = 0;
    thumbnails.clear();
  };

  const open = async (
    list: (progress: (n: number) => void, signal: AbortSignal) => Promise<OpenedFolder | null>,
  ) => {
    reset();
    const controller = new AbortController();
    loading = controller;
    const progress = beginListing(store);
    // The workers load their script while the folder is listed and its CSVs read.
    const pool = createScanPool({ thumbnail: THUMBNAIL_SIDE });
    pool.prepare();
    let started = false;
    try {
      const folder = await list(progress, controller.signal);
      if (controller.signal.aborted) return;
      mark(MARK.listed, { count: folder?.entries.length ?? 0 });
      if (folder === null)
        return showNotice(store, 'Nothing to open: drop a folder, not single files.');
      // The first screen's images are read while the CSVs are: they need only the listing.
      const cells = firstScreenGuess(innerWidth, innerHeight, store.get().view.tileSize);
      const cache = prefetchFirstScreen(store.get(), folder.entries, pool, scanCache(), cells);
      const data = await openListedFolder(store, folder, controller.signal);
      if (data === null || controller.signal.aborted) return;
      if (folder.handle !== null) {
        void rememberFolder(folder.handle).then(() => store.set({ lastFolder: folder.name }));
      }
      onFilter(store.get().filter, 'replace');
      void loadTags(store, data, tagStore());
      if (!data.metadataOnly) {
        scan = startScan(store, data, thumbnails, { pool, cache });
        started = true;
        scan.show(shown, shownOnScreen);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      showNotice(store, describeFailure(error));
    } finally {
      if (!started) pool.dispose();
      if (loading === controller) loading = null;
    }
  };

  const setFilter = (filter: FilterState, how: 'push' | 'replace' = 'push') => {
    store.set({ filter });
    onFilter(filter, how);
  };

  // Opened before any folder: on a new profile, creating the database takes a while.
  void scanCache().open();
  void recallFolder().then((handle) => store.set({ lastFolder: handle?.name ?? null }));

  return {
    store,
    thumbnails,
    async openPicker() {
      const outcome = await pickFolder();
      if (outcome.kind === 'cancelled') return store.set({ notice: 'No folder was opened.' });
      if (outcome.kind === 'failed')
        return showNotice(store, `The folder could not be opened: ${outcome.reason}`);
      await open((progress, signal) =>
        folderFromHandle(outcome.handle, 'picker', progress, signal),
      );
    },
    openFiles: (files) => open(async () => folderFromInput(files)),
    openDrop: (items) => open((progress) => folderFromDrop(items, progress)),
    async reopen() {
      const handle = await recallFolder();
      if (handle === null) return showNotice(store, 'The last folder is no longer available.');
      let granted: boolean;
      try {
        granted = await ensureReadPermission(handle);
      } catch {
        await forgetFolder();
        store.set({ lastFolder: null });
        return showNotice(store, `“${handle.name}” can no longer be found. Open it again.`);
      }
      if (!granted) {
        return showNotice(store, `Permission to read “${handle.name}” was not given.`);
      }
      await open((progress, signal) => folderFromHandle(handle, 'picker', progress, signal));
    },
    openDemo: () => open((progress) => loadDemoFolder(progress)),
    cancel() {
      if (loading !== null) {
        reset();
        showNotice(store, 'Loading was cancelled.');
      } else {
        scan?.cancel();
      }
    },
    resumeScan() {
      const data = store.get().data;
      if (data === null || data.metadataOnly || store.get().progress.scanning) return;
      scan = startScan(store, data, thumbnails);
      scan.show(shown, shownOnScreen);
    },
    close() {
      reset();
      store.set({
        phase: 'start',
        notice: null,
        data: null,
        problems: [],
        viewer: null,
        tags: [],
        tagNotice: null,
      });
    },
    setFilter,
    toggle: (key, value) => setFilter(toggleValue(store.get().filter, key, value)),
    search: (query) => setFilter(setQuery(store.get().filter, query), 'replace'),
    clearFilters: () => setFilter(clearFilter(store.get().filter)),
    setView: (patch) => store.set((state) => ({ view: { ...state.view, ...patch } })),
    show: (ids, onScreen = ids.length) => {
      shown = ids;
      shownOnScreen = onScreen;
      scan?.show(ids, onScreen);
      const data = store.get().data;
      if (data !== null) void restoreThumbnails(data, thumbnails, ids);
    },
    view: (id) => store.set({ viewer: id }),
    setNearBits: (bits) => {
      const clamped = Math.round(
        Math.min(NEAR_DUPLICATE_MAX_BITS, Math.max(NEAR_DUPLICATE_MIN_BITS, bits)),
      );
      if (Number.isFinite(clamped)) store.set({ nearBits: clamped });
    },
    tag: (ids, tag, add) => applyTag(store, tagStore(), ids, tag, add),
    async fileOf(path) {
      const entry = store.get().data?.files.get(path);
      if (entry === undefined) return null;
      try {
        return await entry.getFile();
      } catch {
        return null;
      }
    },
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotAllowedError') {
    return 'Permission to read the folder was denied.';
  }
  if (error instanceof DOMException && error.name === 'NotFoundError') {
    return 'The folder or one of its files can no longer be found.';
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `The folder could not be read: ${reason}`;
}
