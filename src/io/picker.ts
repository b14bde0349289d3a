/** What came of asking the user for a folder. */
export type PickOutcome =
  | { readonly kind: 'picked'; readonly handle: FileSystemDirectoryHandle }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly reason: string };

/** True where the browser can open a folder through the File System Access API. */
export function canPickFolder(): boolean {
  return typeof window !== 'undefined' && 'showDirectoryPicker' in window;
}

/** Opens the browser's folder picker, read-only. A closed picker is `cancelled`, not a failure. */
export async function pickFolder(): Promise<PickOutcome> {
  try {
    const handle = await window.showDirectoryPicker({ mode: 'read', id: 'planescope' });
    return { kind: 'picked', handle };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Makes sure the page may read a stored folder handle, asking the user if needed. Must run inside
 * a click: browsers only show the permission prompt on a user gesture.
 */
export async function ensureReadPermission(handle: FileSystemDirectoryHandle): Promise<boolean> {
  const options = { mode: 'read' } as const;
  if ((await handle.queryPermission(options)) === 'granted') return true;
  return (await handle.requestPermission(options)) === 'granted';
}
