import { stripCommonRoot } from '../core/paths.ts';
import { entryOfFile, sortEntries, type OpenedFolder } from './folder.ts';

/**
 * Lists the files of an `<input type="file" webkitdirectory>`. The browser puts the chosen
 * folder's own name first in every `webkitRelativePath`; it is dropped so that paths are relative
 * to the folder, as a handle walk gives them.
 */
export function folderFromInput(files: FileList | readonly File[]): OpenedFolder {
  const list = Array.from(files);
  const first = list[0]?.webkitRelativePath ?? '';
  const name = first.includes('/') ? first.slice(0, first.indexOf('/')) : 'Folder';
  const paths = stripCommonRoot(list.map((file) => file.webkitRelativePath || file.name));
  const entries = list.map((file, at) => entryOfFile(paths[at] ?? file.name, file));
  return { name, origin: 'input', entries: sortEntries(entries), handle: null };
}
