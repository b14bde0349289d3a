import { createStore, del, get, set, type UseStore } from 'idb-keyval';

const KEY = 'last-folder';
let store: UseStore | null = null;

// Opened on first use, not at import: tests and browsers without IndexedDB import this module too.
function lastFolderStore(): UseStore {
  store ??= createStore('planescope-folders', 'handles');
  return store;
}

/** Remembers the folder handle the user last opened, to offer "Reopen" on the next visit. */
export async function rememberFolder(handle: FileSystemDirectoryHandle): Promise<void> {
  await set(KEY, handle, lastFolderStore());
}

/** The folder handle remembered by `rememberFolder`, or null (none, or storage unavailable). */
export async function recallFolder(): Promise<FileSystemDirectoryHandle | null> {
  try {
    const handle = await get<FileSystemDirectoryHandle>(KEY, lastFolderStore());
    return handle ?? null;
  } catch {
    return null;
  }
}

/** Forgets the remembered folder (e.g. after it was moved or deleted). */
export async function forgetFolder(): Promise<void> {
  await del(KEY, lastFolderStore());
}
