import type { FileMeta } from '../core/types.ts';

/** A file of the opened folder: where it is, its size and date, and how to read it. */
export interface FileEntry extends FileMeta {
  readonly getFile: () => Promise<File>;
}

/** How a folder was opened; only a picker or a dropped handle can be reopened later. */
export type FolderOrigin = 'picker' | 'input' | 'drop' | 'demo';

/** The folder the user opened, listed. */
export interface OpenedFolder {
  readonly name: string;
  readonly origin: FolderOrigin;
  readonly entries: readonly FileEntry[];
  /** The directory handle, where the browser gave one (picker, Chromium drop). */
  readonly handle: FileSystemDirectoryHandle | null;
}

/** Reports how many files have been listed so far. */
export type ListProgress = (listed: number) => void;

/** Sorts entries by path in code-unit order: handle walks list a folder in no fixed order. */
export function sortEntries(entries: FileEntry[]): FileEntry[] {
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** An entry for a `File` already in hand, at the given relative path. */
export function entryOfFile(path: string, file: File): FileEntry {
  return {
    path,
    // The first read of a File's size is a synchronous stat (~0.3 ms each, seconds for a whole
    // dataset): joining the folder needs only paths, so leave it until the image is looked at.
    get size() {
      return file.size;
    },
    get lastModified() {
      return file.lastModified;
    },
    getFile: () => Promise.resolve(file),
  };
}
