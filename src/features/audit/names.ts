import { formatCount } from '../../core/format.ts';
import type { ImageRecord } from '../../core/types.ts';

/** The last part of a relative path: how findings name a file. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folders of a relative path, or '' for a file at the top of the folder. */
export function folderOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

/** A record's patient as the user reads it: `Patient 216`, `Patient Egypt/3`. */
export function patientOf(record: ImageRecord): string {
  return `Patient ${record.patient}`;
}

/** `1 image`, `12 images`: a count with its noun. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
