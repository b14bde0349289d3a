// The image viewer's zoom and pan, as plain math: a point of the image at (u, v) in image
// pixels is drawn at (x + u * scale, y + v * scale) in the view's CSS pixels.

/** A width and height, in pixels. */
export interface Extent {
  readonly width: number;
  readonly height: number;
}

/** Where the image is drawn: its scale (CSS pixels per image pixel) and its top-left corner. */
export interface Viewport {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** A point in the view, in CSS pixels from its top-left corner. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The most the image can be enlarged: 32 CSS pixels per image pixel. */
export const MAX_SCALE = 32;

/** How much of the image, in CSS pixels, panning always leaves in view on each axis. */
export const PAN_MARGIN = 48;

/** The factor of one step of the zoom buttons and keys. */
export const ZOOM_STEP = 1.25;

/**
 * Takes an image and a view; returns the scale at which the whole image fits the view, enlarging
 * a small image too. 1 when either is empty (nothing to fit yet).
 */
export function fitScale(image: Extent, view: Extent): number {
  if (image.width <= 0 || image.height <= 0 || view.width <= 0 || view.height <= 0) return 1;
  return Math.min(view.width / image.width, view.height / image.height);
}

/**
 * Takes an image and a view; returns the range of scales zooming keeps to: down to half of the
 * smaller of the fit and 1:1, up to MAX_SCALE.
 */
export function scaleLimits(image: Extent, view: Extent): { min: number; max: number } {
  return { min: Math.min(fitScale(image, view), 1) / 2, max: MAX_SCALE };
}

/** Takes an image, a view and a scale; returns the viewport that centres the image at it. */
export function centred(image: Extent, view: Extent, scale: number): Viewport {
  return {
    scale,
    x: (view.width - image.width * scale) / 2,
    y: (view.height - image.height * scale) / 2,
  };
}

/** Takes an image and a view; returns the viewport showing the whole image, centred. */
export function fit(image: Extent, view: Extent): Viewport {
  return centred(image, view, fitScale(image, view));
}

/**
 * Takes a viewport, a zoom factor, a point of the view and the image and view; returns the
 * viewport scaled by `factor` (kept within scaleLimits) so that the image pixel under `point`
 * stays under it. Never throws.
 */
export function zoomAt(
  viewport: Viewport,
  factor: number,
  point: Point,
  image: Extent,
  view: Extent,
): Viewport {
  const { min, max } = scaleLimits(image, view);
  const scale = Math.min(max, Math.max(min, viewport.scale * factor));
  const ratio = scale / viewport.scale;
  return clampPan(
    {
      scale,
      x: point.x - (point.x - viewport.x) * ratio,
      y: point.y - (point.y - viewport.y) * ratio,
    },
    image,
    view,
  );
}

/** Takes a viewport and a distance in CSS pixels; returns it moved by that much, clamped. */
export function panBy(
  viewport: Viewport,
  dx: number,
  dy: number,
  image: Extent,
  view: Extent,
): Viewport {
  return clampPan({ ...viewport, x: viewport.x + dx, y: viewport.y + dy }, image, view);
}

/**
 * Takes a viewport, the image and the view; returns it moved as little as needed so that at
 * least PAN_MARGIN CSS pixels of the image (or all of it, when it is smaller) stay in view on
 * each axis. The scale is unchanged.
 */
export function clampPan(viewport: Viewport, image: Extent, view: Extent): Viewport {
  return {
    scale: viewport.scale,
    x: clampAxis(viewport.x, image.width * viewport.scale, view.width),
    y: clampAxis(viewport.y, image.height * viewport.scale, view.height),
  };
}

/**
 * Takes a wheel event's deltaY and deltaMode (0 pixels, 1 lines, 2 pages); returns the zoom
 * factor it asks for: above 1 when scrolling up (towards the user), 1 for no movement.
 */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  // 100 pixels, one notch of most mice, is one zoom step; the clamp tames fast trackpads.
  const notches = Math.max(-4, Math.min(4, pixels / 100));
  return ZOOM_STEP ** -notches;
}

function clampAxis(offset: number, extent: number, view: number): number {
  const margin = Math.min(PAN_MARGIN, extent, view);
  return Math.min(view - margin, Math.max(margin - extent, offset));
}
