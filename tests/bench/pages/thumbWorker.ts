// The floor of the app's thumbnail work (src/workers/scan.worker.ts) without its protocol and
// cancelling: read the whole file, check its header, decode at thumbnail size, encode a JPEG and,
// when asked, the audit's hashes (SHA-256 of the bytes, low frequencies of the bitmap).
import { PHASH_SIDE, lowFrequencies, lumaOf } from '../../../src/core/audit/phash.ts';
import { PNG_HEADER_BYTES, readPngHeader } from '../../../src/core/png.ts';
import {
  THUMBNAIL_JPEG_QUALITY,
  THUMBNAIL_RESIZE_QUALITY,
  THUMBNAIL_SIDE,
  thumbnailSize,
} from '../../../src/core/thumbnail.ts';

/** A file to make a thumbnail of. */
export interface ThumbRequest {
  readonly id: number;
  readonly file: File;
  readonly hashes: boolean;
}

/** `ready` once loaded, then one `done` or `failed` per request. */
export type ThumbResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number; readonly thumbnail: Blob }
  | { readonly type: 'failed'; readonly id: number; readonly reason: string };

// The webworker lib conflicts with the DOM lib this file is compiled with: type `self` narrowly.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ThumbRequest>) => void) | null;
  postMessage(message: ThumbResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: { id, file, hashes } }) => {
  thumbnail(file, hashes).then(
    (blob) => scope.postMessage({ type: 'done', id, thumbnail: blob }),
    (error: unknown) => scope.postMessage({ type: 'failed', id, reason: String(error) }),
  );
};
scope.postMessage({ type: 'ready' });

async function thumbnail(file: File, hashes: boolean): Promise<Blob> {
  const buffer = await file.arrayBuffer();
  const digest = hashes ? crypto.subtle.digest('SHA-256', buffer) : null;
  const head = new Uint8Array(buffer, 0, Math.min(buffer.byteLength, PNG_HEADER_BYTES));
  const header = readPngHeader(head, buffer.byteLength);
  if (!header.ok) throw new Error(`${file.name}: ${header.reason}`);

  const size = thumbnailSize(header.value.width, header.value.height, THUMBNAIL_SIDE);
  const bitmap = await createImageBitmap(new Blob([buffer], { type: 'image/png' }), {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: THUMBNAIL_RESIZE_QUALITY,
  });
  try {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context on an OffscreenCanvas');
    if (hashes && lowFrequencies(lumaOf(smallPixels(bitmap))).length === 0) {
      throw new Error('no frequencies');
    }
    context.drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({
      type: 'image/jpeg',
      quality: THUMBNAIL_JPEG_QUALITY,
    });
    if (digest !== null) await digest;
    return blob;
  } finally {
    bitmap.close();
  }
}

/** The bitmap drawn at PHASH_SIDE² with smoothing, as the app's worker draws it. */
function smallPixels(bitmap: ImageBitmap): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(PHASH_SIDE, PHASH_SIDE);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context on an OffscreenCanvas');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, PHASH_SIDE, PHASH_SIDE);
  return context.getImageData(0, 0, PHASH_SIDE, PHASH_SIDE).data;
}
