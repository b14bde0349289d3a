import { PNG_HEADER_BYTES, readPngHeader } from '../core/png.ts';
import type { PngHeader } from '../core/types.ts';
import { UNREADABLE } from '../workers/protocol.ts';

/** What the first bytes of an image file tell: its header and size, or why it is no PNG. */
export type ImageHead =
  | { readonly ok: true; readonly header: PngHeader; readonly bytes: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads only the PNG signature and IHDR chunk of `file` (33 bytes), so that a whole folder's
 * image sizes are known long before every image has been decoded. Never rejects: a read that
 * fails resolves to `UNREADABLE`, a file that is no PNG to the reason `readPngHeader` gives.
 */
export async function readImageHead(file: File): Promise<ImageHead> {
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, PNG_HEADER_BYTES).arrayBuffer());
  } catch {
    return { ok: false, reason: UNREADABLE };
  }
  const header = readPngHeader(head, file.size);
  return header.ok
    ? { ok: true, header: header.value, bytes: file.size }
    : { ok: false, reason: header.reason };
}
