// The messages between the scan pool and its workers, and the result the pool gives its callers.
// Every scan request gets exactly one response with its id, even when cancelled, so the pool
// always knows when a worker has room for another.
import type { ImageHashes, PngHeader } from '../core/types.ts';

/**
 * Read one image: its PNG header and, when `thumbnail` > 0, a thumbnail of at most that many px a
 * side with the image's content and perceptual hashes, from the same single read of the file.
 */
export interface ScanRequest {
  readonly type: 'scan';
  readonly id: number;
  readonly file: File;
  readonly thumbnail: number;
}

/** Skip the scan `id` if it has not got past its current step; it is answered `CANCELLED`. */
export interface CancelRequest {
  readonly type: 'cancel';
  readonly id: number;
}

export type WorkerRequest = ScanRequest | CancelRequest;

/** The answer to the `ScanRequest` of the same id. `bytes` is the file's size as read. */
export type ScanResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly header: PngHeader;
      readonly bytes: number;
      readonly thumbnail: Blob | null;
      readonly hashes: ImageHashes | null;
    }
  | { readonly id: number; readonly ok: false; readonly reason: string };

/** The reason for a PNG whose header reads but whose pixels do not. */
export const UNDECODABLE = 'the image could not be decoded';

/** The reason for a file the browser would not read (moved, deleted or changed on disk). */
export const UNREADABLE = 'the file could not be read (it may have been moved or changed)';

/** The reason a worker gives for a cancelled scan; the pool never shows it to anyone. */
export const CANCELLED = 'cancelled';

/** What the pool needs of a worker; a real `Worker` is one, and tests pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: MessageEvent<ScanResponse>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * How a scan ended: read (header, size, thumbnail), unreadable (with a reason a user can read),
 * or dropped before it started (scrolled away, cancelled, pool disposed), which is no finding.
 */
export type ScanResult =
  | {
      readonly ok: true;
      readonly header: PngHeader;
      readonly bytes: number;
      readonly thumbnail: Blob | null;
      readonly hashes: ImageHashes | null;
    }
  | { readonly ok: false; readonly dropped: false; readonly reason: string }
  | { readonly ok: false; readonly dropped: true };
