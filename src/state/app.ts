import type { RecordTags } from '../core/tags.ts';
import { NEAR_DUPLICATE_DEFAULT_BITS } from '../core/audit/duplicates.ts';
import type { DatasetIndex } from '../core/datasetIndex.ts';
import { EMPTY_FILTER, type FilterState } from '../core/facets.ts';
import type { DatasetSource } from '../core/join.ts';
import type { SortKey } from '../core/order.ts';
import type { Problem } from '../core/types.ts';
import type { FileEntry, FolderOrigin } from '../io/folder.ts';
import { createStore, type Store } from './store.ts';

/** Where the app is: choosing a folder, reading it, or exploring it. */
export type Phase = 'start' | 'loading' | 'ready';

/** Counts of each loading phase; `total` is what the phase will reach, when known. */
export interface Progress {
  readonly listed: number;
  readonly rowsRead: number;
  readonly headersRead: number;
  readonly thumbnails: number;
  /** Images the background pass is done with, readable or not. */
  readonly scanned: number;
  /** Images present in the folder: what the header and thumbnail passes count up to. */
  readonly images: number;
  /** True while the background pass over the images is still running. */
  readonly scanning: boolean;
}

/** A folder that has been read and joined. */
export interface OpenData {
  readonly name: string;
  readonly origin: FolderOrigin;
  readonly sources: readonly DatasetSource[];
  readonly index: DatasetIndex;
  /** Per record id, its file entry, or null when the image is missing. */
  readonly entries: readonly (FileEntry | null)[];
  /** No dataset in the folder has any of its images. */
  readonly metadataOnly: boolean;
  /** Every file of the folder by relative path, rows' images or not. */
  readonly files: ReadonlyMap<string, FileEntry>;
  /** The audit's hashes by record id, filled in by the image pass (see `auditVersion`). */
  readonly hashes: ImageHashTable;
  /** The folder's handle where the browser gave one: exports refuse to write inside it. */
  readonly handle: FileSystemDirectoryHandle | null;
}

/** Per record id, the hashes read so far; undefined until the image is read. */
export interface ImageHashTable {
  /** Hex SHA-256 of the file's bytes. */
  readonly content: (string | undefined)[];
  /** The image's lowest spatial frequencies (see core/audit/phash.ts). */
  readonly frequencies: (Float32Array | undefined)[];
}

/** The views of an open folder, as tabs. */
export type Tab = 'grid' | 'table' | 'charts' | 'audit' | 'export';

/** How the grid shows the selection. */
export interface GridView {
  readonly tab: Tab;
  readonly sort: SortKey;
  readonly descending: boolean;
  /** Thumbnail edge in CSS pixels. */
  readonly tileSize: number;
  /** One tile per patient and plane (its first frame) instead of one per image. */
  readonly perPatient: boolean;
}

export interface AppState {
  readonly phase: Phase;
  /** A plain message for the start screen: a cancelled picker, a folder with no dataset... */
  readonly notice: string | null;
  readonly data: OpenData | null;
  readonly filter: FilterState;
  readonly progress: Progress;
  /** What the load found, then what the background pass adds (unreadable images). */
  readonly problems: readonly Problem[];
  /** Bumped when image sizes change, so that derived figures are computed again. */
  readonly sizesVersion: number;
  /**
   * Bumped when what the audit reads (sizes, hashes, problems) has changed, at most every few
   * seconds while the image pass runs: the near-duplicate search is too costly to redo per batch.
   */
  readonly auditVersion: number;
  /** The near-duplicate threshold in bits. */
  readonly nearBits: number;
  readonly view: GridView;
  /** The name of the folder "Reopen" would open, if the browser kept one. */
  readonly lastFolder: string | null;
  /** The record id the image viewer shows, or null when it is closed. */
  readonly viewer: number | null;
  /** The user's tags by record id of the open data (empty until they are loaded). */
  readonly tags: RecordTags;
  /** Why the last tagging was refused or not saved; null when it went well. */
  readonly tagNotice: string | null;
}

export const EMPTY_PROGRESS: Progress = {
  listed: 0,
  rowsRead: 0,
  headersRead: 0,
  thumbnails: 0,
  scanned: 0,
  images: 0,
  scanning: false,
};

export const TILE_SIZES = { min: 96, max: 320, initial: 160, step: 16 } as const;

/** A fresh app state: the start screen, nothing open. */
export function initialState(): AppState {
  return {
    phase: 'start',
    notice: null,
    data: null,
    filter: EMPTY_FILTER,
    progress: EMPTY_PROGRESS,
    problems: [],
    sizesVersion: 0,
    auditVersion: 0,
    nearBits: NEAR_DUPLICATE_DEFAULT_BITS,
    view: {
      tab: 'grid',
      sort: 'name',
      descending: false,
      tileSize: TILE_SIZES.initial,
      perPatient: false,
    },
    lastFolder: null,
    viewer: null,
    tags: [],
    tagNotice: null,
  };
}

export type AppStore = Store<AppState>;

/** Creates the app's store. */
export function createAppStore(): AppStore {
  return createStore(initialState());
}
