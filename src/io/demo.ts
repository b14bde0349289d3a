import type { FileMeta } from '../core/types.ts';
import { sortEntries, type FileEntry, type ListProgress, type OpenedFolder } from './folder.ts';

/** The built-in demo folder's name, as the app shows it. */
export const DEMO_NAME = 'Demo (synthetic images)';

const DEMO_ROOT = `${import.meta.env.BASE_URL}demo/`;

/**
 * Lists the built-in demo: synthetic images with real file names and real CSV rows of both
 * datasets, served with the app from `public/demo/`. A static server cannot list a folder, so
 * `files.json` (written with the demo) lists it.
 */
export async function loadDemoFolder(onProgress: ListProgress): Promise<OpenedFolder> {
  const response = await fetch(`${DEMO_ROOT}files.json`);
  if (!response.ok) throw new Error(`the demo is missing from this build (${response.status})`);
  const files = (await response.json()) as FileMeta[];
  const entries: FileEntry[] = files.map((meta) => ({
    ...meta,
    getFile: async () => {
      const file = await fetch(DEMO_ROOT + meta.path.split('/').map(encodeURIComponent).join('/'));
      if (!file.ok) throw new Error(`${meta.path} is missing from the demo`);
      const name = meta.path.slice(meta.path.lastIndexOf('/') + 1);
      return new File([await file.blob()], name, { lastModified: meta.lastModified });
    },
  }));
  onProgress(entries.length);
  return { name: DEMO_NAME, origin: 'demo', entries: sortEntries(entries), handle: null };
}
