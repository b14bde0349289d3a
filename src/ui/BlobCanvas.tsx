import { useLayoutEffect, useRef } from 'react';

interface Props {
  /** An image the browser decodes: here a thumbnail's JPEG. */
  readonly blob: Blob;
  /** Called once the blob is drawn, or found not to decode: the grid waits on its first screen. */
  readonly onDrawn?: () => void;
}

/**
 * A thumbnail drawn into a canvas, decoded off the main thread. Not an `<img>` of an object URL:
 * the compositor keeps every image it has drawn decoded in its cache, which for a grid scrolled
 * end to end is ~190 MB of thumbnails nobody sees; a canvas holds only its own pixels, and the
 * decoded bitmap is closed once drawn. `data-drawn` is set once the pixels are in (tests wait on
 * it).
 */
export function BlobCanvas({ blob, onDrawn }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  // A layout effect starts the decode before the first paint, a frame earlier than an effect.
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (canvas === null || typeof createImageBitmap !== 'function') return;
    let live = true;
    // A recycled tile's canvas still shows its last image: never let it stand for this one.
    if (canvas.dataset.drawn !== undefined) {
      canvas.getContext('2d', CONTEXT)?.clearRect(0, 0, canvas.width, canvas.height);
      delete canvas.dataset.drawn;
    }
    createImageBitmap(blob).then(
      (bitmap) => {
        if (live) {
          draw(canvas, bitmap);
          onDrawn?.();
        }
        bitmap.close();
      },
      // A JPEG this app encoded itself; if it will not decode, the tile stays black.
      () => {
        if (live) onDrawn?.();
      },
    );
    return () => {
      live = false;
    };
  }, [blob, onDrawn]);
  return <canvas ref={ref} width={0} height={0} aria-hidden="true" />;
}

// A context read back often stays a plain bitmap in this process: no shared image per canvas.
const CONTEXT: CanvasRenderingContext2DSettings = { willReadFrequently: true };

function draw(canvas: HTMLCanvasElement, bitmap: ImageBitmap) {
  // Setting a size, even the same one, drops the canvas's buffer: only when it changes.
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  canvas.getContext('2d', CONTEXT)?.drawImage(bitmap, 0, 0);
  canvas.dataset.drawn = '';
}
