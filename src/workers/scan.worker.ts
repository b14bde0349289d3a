// Reads one image per request: the whole file once, its header from the first bytes and, when
// asked, a JPEG thumbnail and the audit's hashes. Requests run concurrently; the pool decides
// how many are in flight.
import { PHASH_SIDE, digestToHex, lowFrequencies, lumaOf } from '../core/audit/phash.ts';
import { PNG_HEADER_BYTES, checkPngEnd, readPngHeader } from '../core/png.ts';
import {
  THUMBNAIL_JPEG_QUALITY,
  THUMBNAIL_RESIZE_QUALITY,
  thumbnailSize,
} from '../core/thumbnail.ts';
import {
  CANCELLED,
  UNDECODABLE,
  UNREADABLE,
  type ScanRequest,
  type ScanResponse,
  type WorkerRequest,
} from './protocol.ts';

// The webworker lib conflicts with the DOM lib this file is compiled with: type `self` narrowly.
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: ScanResponse): void;
}

const scope = self as unknown as WorkerScope;
const active = new Set<number>();
const cancelled = new Set<number>();

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    if (active.has(request.id)) cancelled.add(request.id);
    return;
  }
  active.add(request.id);
  void scan(request).then((response) => {
    active.delete(request.id);
    cancelled.delete(request.id);
    scope.postMessage(response);
  });
};

async function scan({ id, file, thumbnail }: ScanRequest): Promise<ScanResponse> {
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    return { id, ok: false, reason: UNREADABLE };
  }

  const bytes = new Uint8Array(buffer);
  const header = readPngHeader(bytes.subarray(0, PNG_HEADER_BYTES), buffer.byteLength);
  if (!header.ok) return { id, ok: false, reason: header.reason };
  const scanned = { id, ok: true, header: header.value, bytes: buffer.byteLength } as const;
  if (thumbnail <= 0) return { ...scanned, thumbnail: null, hashes: null };
  const cut = checkPngEnd(bytes);
  if (cut !== null) return { id, ok: false, reason: cut };
  if (cancelled.has(id)) return { id, ok: false, reason: CANCELLED };

  // The digest runs on the browser's own threads while the image decodes.
  const content = contentHash(buffer);
  const picture = await decode(
    buffer,
    thumbnailSize(header.value.width, header.value.height, thumbnail),
  );
  if (!picture) return { id, ok: false, reason: UNDECODABLE };
  return {
    ...scanned,
    thumbnail: picture.thumbnail,
    hashes: { content: await content, frequencies: picture.frequencies },
  };
}

/** SHA-256 of the bytes as hex, or '' where crypto.subtle is missing (an insecure origin). */
async function contentHash(buffer: ArrayBuffer): Promise<string> {
  if (typeof crypto === 'undefined' || crypto.subtle === undefined) return '';
  try {
    return digestToHex(await crypto.subtle.digest('SHA-256', buffer));
  } catch {
    return '';
  }
}

/**
 * The image decoded once at `size`: a JPEG of it, and the low frequencies of the same
 * bitmap scaled down again. Null when the browser cannot decode it.
 */
async function decode(
  buffer: ArrayBuffer,
  size: { width: number; height: number },
): Promise<{ thumbnail: Blob; frequencies: Float32Array } | null> {
  let bitmap: ImageBitmap;
  try {
    // Decoded straight to the thumbnail's size: a full-size bitmap costs time and memory.
    bitmap = await createImageBitmap(new Blob([buffer], { type: 'image/png' }), {
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: THUMBNAIL_RESIZE_QUALITY,
    });
  } catch {
    return null;
  }
  try {
    const frequencies = frequenciesOf(bitmap);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context || frequencies === null) return null;
    context.drawImage(bitmap, 0, 0);
    const thumbnail = await canvas.convertToBlob({
      type: 'image/jpeg',
      quality: THUMBNAIL_JPEG_QUALITY,
    });
    return { thumbnail, frequencies };
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}

/** The low frequencies of a bitmap drawn at PHASH_SIDE² with smoothing. */
function frequenciesOf(bitmap: ImageBitmap): Float32Array | null {
  const canvas = new OffscreenCanvas(PHASH_SIDE, PHASH_SIDE);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, PHASH_SIDE, PHASH_SIDE);
  const { data } = context.getImageData(0, 0, PHASH_SIDE, PHASH_SIDE);
  return lowFrequencies(lumaOf(data));
}
