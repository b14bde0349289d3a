// What every bench page shares: the timing origin and the folder input.
import './floorTypes.ts';

// Capture phase on window: runs before any listener on the input itself.
window.addEventListener(
  'change',
  () => {
    window.changeAt = performance.now();
  },
  { capture: true },
);

/** Returns the page's `<input id="folder">`; throws when the page has none. */
export function folderInput(): HTMLInputElement {
  const input = document.getElementById('folder');
  if (!(input instanceof HTMLInputElement)) throw new Error('The page has no #folder input.');
  return input;
}

/**
 * Takes a file from the folder input; returns its path inside the chosen folder: its
 * webkitRelativePath without the first segment (the folder's own name).
 */
export function relativePath(file: File): string {
  const path = file.webkitRelativePath;
  return path.slice(path.indexOf('/') + 1);
}

/**
 * Takes files from the folder input; returns the PNGs (by extension, any letter case) with
 * their relative paths, in path order (code-unit order).
 */
export function pngsInPathOrder(files: Iterable<File>): { path: string; file: File }[] {
  const pngs: { path: string; file: File }[] = [];
  for (const file of files) {
    const path = relativePath(file);
    if (path.toLowerCase().endsWith('.png')) pngs.push({ path, file });
  }
  return pngs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Takes items, a limit and an async job; runs the job on every item with at most `limit` (at
 * least 1) in flight, starting them in order. Resolves when all are done; rejects with the first
 * failure, starting no job after it.
 */
export async function inPool<T>(
  items: readonly T[],
  limit: number,
  job: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const runner = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await job(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const runners = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, runner);
  await Promise.all(runners);
}
