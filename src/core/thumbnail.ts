/** Width and height in pixels. */
export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The size of an image's thumbnail: scaled down, keeping the aspect ratio, so that its longer
 * side is `maxSide` pixels. An image already within `maxSide` keeps its size (no upscaling).
 * Both sides are whole pixels, at least 1; `maxSide` below 1 counts as 1.
 */
export function thumbnailSize(width: number, height: number, maxSide: number): PixelSize {
  const limit = Math.max(1, Math.floor(maxSide));
  const longer = Math.max(width, height);
  if (longer <= limit) return { width: Math.max(1, width), height: Math.max(1, height) };

  const scale = limit / longer;
  return {
    width: Math.max(1, Math.min(limit, Math.round(width * scale))),
    height: Math.max(1, Math.min(limit, Math.round(height * scale))),
  };
}

/** Longest side of a cached thumbnail, in pixels: sharp up to the largest tile. */
export const THUMBNAIL_SIDE = 256;

/** How thumbnails are scaled while decoding (`createImageBitmap`'s `resizeQuality`). */
export const THUMBNAIL_RESIZE_QUALITY = 'medium' as const;

/** JPEG quality of a cached thumbnail, 0 to 1: small files, no visible loss at tile size. */
export const THUMBNAIL_JPEG_QUALITY = 0.85;
