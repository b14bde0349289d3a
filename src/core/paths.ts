// Relative paths inside the chosen folder are `/`-separated, with no leading slash.

// A dot-file or dot-folder at any level, `__MACOSX` at any level, or the two Windows files.
const LITTER = /(?:^|\/)(?:\.|__MACOSX(?:\/|$))|(?:^|\/)(?:thumbs\.db|desktop\.ini)$/i;

/**
 * True for operating-system litter that a load skips without a word: dot-files and anything in a
 * dot-folder, `Thumbs.db`, `desktop.ini`, and anything under `__MACOSX/`.
 */
export function isLitter(path: string): boolean {
  return LITTER.test(path);
}

/** The folder part of a path, with its trailing `/` ('' for a file at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash + 1);
}

/** The last part of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when the path names a CSV file (any letter case). */
export function isCsv(path: string): boolean {
  return path.toLowerCase().endsWith('.csv');
}

/**
 * Drops the chosen folder's own name from the front of each path, which the folder input puts
 * first in `webkitRelativePath` but a directory-handle walk does not. Paths that do not all share
 * a first segment are returned unchanged.
 */
export function stripCommonRoot(paths: readonly string[]): string[] {
  const first = paths[0];
  if (first === undefined) return [];
  const slash = first.indexOf('/');
  if (slash === -1) return [...paths];
  const prefix = first.slice(0, slash + 1);
  if (!paths.every((path) => path.startsWith(prefix))) return [...paths];
  return paths.map((path) => path.slice(prefix.length));
}
