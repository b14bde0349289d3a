// Saving what the user exports: a file through the browser's save dialog or as a download, and a
// set of files into a folder the user picks or into a zip. Nothing here ever writes into the
// dataset folder: a picked folder that is it, or inside it, is refused.
import { makeZip } from 'client-zip';

/** What came of saving. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly name: string }
  | { readonly kind: 'downloaded'; readonly name: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly reason: string };

/** A file to write: its path under the target (`/`-separated), and its contents. */
export interface OutFile {
  readonly path: string;
  readonly contents: () => Promise<Blob>;
}

/** How far a copy is: files written, of how many, and bytes written. */
export interface CopyProgress {
  readonly files: number;
  readonly total: number;
  readonly bytes: number;
}

/** True where the browser has a save dialog (showSaveFilePicker). */
export function canSaveFile(): boolean {
  return typeof window !== 'undefined' && 'showSaveFilePicker' in window;
}

/** True where the browser can write into a folder the user picks. */
export function canWriteFolder(): boolean {
  return typeof window !== 'undefined' && 'showDirectoryPicker' in window;
}

/**
 * Saves `blob` as `name`: through the save dialog where there is one, else as a download. A
 * closed dialog is `cancelled`. Never rejects.
 */
export async function saveBlob(name: string, blob: Blob): Promise<SaveOutcome> {
  if (!canSaveFile()) return download(name, blob);
  try {
    const handle = await window.showSaveFilePicker({
      suggestedName: name,
      id: 'planescope-export',
    });
    const writable = await handle.createWritable();
    await writable.write(blob);
    await writable.close();
    return { kind: 'saved', name: handle.name };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Writes `files` into a zip named `name`, streamed through the save dialog where there is one
 * (so that a large subset is never held in memory), else built in memory and downloaded. Stops
 * at `signal` (then `cancelled`, and a partly written file is discarded by the browser). Reports
 * each file as it is added. Never rejects.
 */
export async function saveZip(
  name: string,
  files: readonly OutFile[],
  signal: AbortSignal,
  onProgress: (progress: CopyProgress) => void,
): Promise<SaveOutcome> {
  const entries = zipEntries(files, signal, onProgress);
  try {
    if (canSaveFile()) {
      const handle = await window.showSaveFilePicker({
        suggestedName: name,
        id: 'planescope-export',
        types: [{ description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }],
      });
      const writable = await handle.createWritable();
      try {
        await makeZip(entries).pipeTo(writable, { signal });
      } catch (error) {
        await writable.abort().catch(() => undefined);
        throw error;
      }
      return { kind: 'saved', name: handle.name };
    }
    const blob = await new Response(makeZip(entries)).blob();
    if (signal.aborted) return { kind: 'cancelled' };
    return download(name, new Blob([blob], { type: 'application/zip' }));
  } catch (error) {
    return signal.aborted ? { kind: 'cancelled' } : failure(error);
  }
}

/** What came of asking for a folder to write into. */
export type WritableFolder =
  | { readonly kind: 'picked'; readonly handle: FileSystemDirectoryHandle }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Asks the user for a folder to write into. Refuses the dataset folder `source` itself and any
 * folder inside it (when the app holds its handle), and a folder it may not write to. Never
 * rejects.
 */
export async function pickWritableFolder(
  source: FileSystemDirectoryHandle | null,
): Promise<WritableFolder> {
  let handle: FileSystemDirectoryHandle;
  try {
    handle = await window.showDirectoryPicker({ mode: 'readwrite', id: 'planescope-export' });
  } catch (error) {
    const outcome = failure(error);
    return outcome.kind === 'cancelled' ? outcome : { kind: 'failed', reason: reasonOf(error) };
  }
  if (source !== null) {
    const inside = (await source.isSameEntry(handle)) || (await source.resolve(handle)) !== null;
    if (inside) {
      return {
        kind: 'refused',
        reason: `“${handle.name}” is the dataset folder or inside it: pick another folder.`,
      };
    }
  }
  const permission = await handle.requestPermission({ mode: 'readwrite' }).catch(() => 'denied');
  if (permission !== 'granted') {
    return { kind: 'refused', reason: `Permission to write into “${handle.name}” was not given.` };
  }
  return { kind: 'picked', handle };
}

/**
 * Writes `files` under `folder`, making sub-folders as their paths need; a file of the same
 * name is replaced. Stops between files at `signal` (then `cancelled`; the files written so far
 * stay). Reports after each file. Never rejects.
 */
export async function copyIntoFolder(
  folder: FileSystemDirectoryHandle,
  files: readonly OutFile[],
  signal: AbortSignal,
  onProgress: (progress: CopyProgress) => void,
): Promise<SaveOutcome> {
  let bytes = 0;
  try {
    for (const [at, file] of files.entries()) {
      if (signal.aborted) return { kind: 'cancelled' };
      const parts = file.path.split('/');
      const name = parts.pop() ?? file.path;
      let dir = folder;
      for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
      const contents = await file.contents();
      const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await writable.write(contents);
      await writable.close();
      bytes += contents.size;
      onProgress({ files: at + 1, total: files.length, bytes });
    }
    return { kind: 'saved', name: folder.name };
  } catch (error) {
    return signal.aborted ? { kind: 'cancelled' } : failure(error);
  }
}

async function* zipEntries(
  files: readonly OutFile[],
  signal: AbortSignal,
  onProgress: (progress: CopyProgress) => void,
) {
  let bytes = 0;
  for (const [at, file] of files.entries()) {
    if (signal.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
    const contents = await file.contents();
    const lastModified = contents instanceof File ? new Date(contents.lastModified) : new Date();
    yield { name: file.path, input: contents, lastModified };
    bytes += contents.size;
    onProgress({ files: at + 1, total: files.length, bytes });
  }
}

function download(name: string, blob: Blob): SaveOutcome {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'downloaded', name };
}

function failure(error: unknown): SaveOutcome {
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
  return { kind: 'failed', reason: reasonOf(error) };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
