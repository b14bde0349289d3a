import { isLitter } from '../core/paths.ts';
import {
  entryOfFile,
  sortEntries,
  type FileEntry,
  type ListProgress,
  type OpenedFolder,
} from './folder.ts';
import { folderFromHandle } from './handleWalk.ts';

/**
 * Lists a folder dropped on the page. Chromium gives a directory handle (which can be reopened
 * later); other browsers give a `FileSystemEntry`, walked level by level. Resolves to null when
 * the drop holds no folder.
 */
export async function folderFromDrop(
  items: DataTransferItemList,
  onProgress: ListProgress,
): Promise<OpenedFolder | null> {
  // Both calls must happen for every item before the first await: the list empties after it.
  const dropped = Array.from(items)
    .filter((item) => item.kind === 'file')
    .map((item) => ({
      handle: 'getAsFileSystemHandle' in item ? item.getAsFileSystemHandle() : null,
      entry: item.webkitGetAsEntry(),
    }));

  for (const { handle, entry } of dropped) {
    const resolved = handle === null ? null : await handle;
    if (resolved?.kind === 'directory') {
      return folderFromHandle(resolved as FileSystemDirectoryHandle, 'drop', onProgress);
    }
    if (entry?.isDirectory === true) {
      const entries = await walkEntries(entry as FileSystemDirectoryEntry, '', onProgress);
      return { name: entry.name, origin: 'drop', entries: sortEntries(entries), handle: null };
    }
  }
  return null;
}

async function walkEntries(
  directory: FileSystemDirectoryEntry,
  prefix: string,
  onProgress: ListProgress,
  out: FileEntry[] = [],
): Promise<FileEntry[]> {
  for (const child of await readAllEntries(directory)) {
    const path = prefix + child.name;
    if (isLitter(path)) continue;
    if (child.isDirectory) {
      await walkEntries(child as FileSystemDirectoryEntry, `${path}/`, onProgress, out);
    } else {
      const file = await new Promise<File>((resolve, reject) =>
        (child as FileSystemFileEntry).file(resolve, reject),
      );
      out.push(entryOfFile(path, file));
      if (out.length % 500 === 0) onProgress(out.length);
    }
  }
  onProgress(out.length);
  return out;
}

/** `readEntries` returns at most about 100 entries a call: call it until it returns none. */
async function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
