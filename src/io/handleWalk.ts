import { isLitter } from '../core/paths.ts';
import { sortEntries, type FileEntry, type ListProgress, type OpenedFolder } from './folder.ts';

// `getFile()` is one round trip to the browser process each; several in flight hide the latency.
const FILES_IN_FLIGHT = 32;

/**
 * Lists every file below a directory handle (every level), with size and date, sorted by path.
 * Paths are relative to the handle. Rejects with the browser's error (e.g. NotAllowedError) when
 * the folder cannot be read; `signal` aborts the walk.
 */
export async function folderFromHandle(
  handle: FileSystemDirectoryHandle,
  origin: 'picker' | 'drop',
  onProgress: ListProgress,
  signal?: AbortSignal,
): Promise<OpenedFolder> {
  const handles: { path: string; handle: FileSystemFileHandle }[] = [];
  await walk(handle, '', handles, signal);

  const entries: FileEntry[] = new Array<FileEntry>(handles.length);
  let next = 0;
  const worker = async () => {
    while (next < handles.length) {
      signal?.throwIfAborted();
      const at = next++;
      const item = handles[at];
      if (item === undefined) continue;
      const file = await item.handle.getFile();
      entries[at] = {
        path: item.path,
        size: file.size,
        lastModified: file.lastModified,
        // A File is a snapshot: ask the handle again so a later read sees the file as it is.
        getFile: () => item.handle.getFile(),
      };
      if (at % 500 === 0) onProgress(at);
    }
  };
  await Promise.all(Array.from({ length: FILES_IN_FLIGHT }, worker));
  onProgress(entries.length);
  return { name: handle.name, origin, entries: sortEntries(entries), handle };
}

async function walk(
  directory: FileSystemDirectoryHandle,
  prefix: string,
  out: { path: string; handle: FileSystemFileHandle }[],
  signal?: AbortSignal,
): Promise<void> {
  const folders: Promise<void>[] = [];
  for await (const child of directory.values()) {
    signal?.throwIfAborted();
    const path = prefix + child.name;
    if (child.kind === 'file') out.push({ path, handle: child });
    // Litter folders (`.git`, `__MACOSX`) can hold thousands of files the load would skip anyway.
    else if (!isLitter(path)) folders.push(walk(child, `${path}/`, out, signal));
  }
  await Promise.all(folders);
}
