// Reads one image per request: the whole file once, its header from the first bytes and, when
// asked, a JPEG thumbnail. Requests run concurrently; the pool decides how many are in flight.
import { PNG_HEADER_BYTES, readPngHeader } from '../core/png.ts';
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

  const head = new Uint8Array(buffer, 0, Math.min(buffer.byteLength, PNG_HEADER_BYTES));
  const header = readPngHeader(head, buffer.byteLength);
  if (!header.ok) return { id, ok: false, reason: header.reason };
  const scanned = { id, ok: true, header: header.value, bytes: buffer.byteLength } as const;
  if (thumbnail <= 0) return { ...scanned, thumbnail: null };
  if (cancelled.has(id)) return { id, ok: false, reason: CANCELLED };

  const blob = await encodeThumbnail(
    buffer,
    thumbnailSize(header.value.width, header.value.height, thumbnail),
  );
  if (!blob) return { id, ok: false, reason: UNDECODABLE };
  return { ...scanned, thumbnail: blob };
}

/** A JPEG of the image at `size`, or null when the browser cannot decode it. */
async function encodeThumbnail(
  buffer: ArrayBuffer,
  size: { width: number; height: number },
): Promise<Blob | null> {
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
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: THUMBNAIL_JPEG_QUALITY });
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}
