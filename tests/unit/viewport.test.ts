import {
  centred,
  clampPan,
  fit,
  fitScale,
  MAX_SCALE,
  PAN_MARGIN,
  panBy,
  scaleLimits,
  wheelFactor,
  zoomAt,
  ZOOM_STEP,
} from '../../src/core/viewport.ts';

const image = { width: 500, height: 400 };
const view = { width: 1000, height: 600 };

describe('fitScale', () => {
  it('fits the tighter side, enlarging a small image', () => {
    expect(fitScale(image, view)).toBe(1.5); // 600 / 400
    expect(fitScale({ width: 2000, height: 500 }, view)).toBe(0.5);
  });

  it('is 1 while the image or the view is still empty', () => {
    expect(fitScale({ width: 0, height: 0 }, view)).toBe(1);
    expect(fitScale(image, { width: 0, height: 600 })).toBe(1);
  });
});

describe('fit and centred', () => {
  it('centres the whole image in the view', () => {
    expect(fit(image, view)).toEqual({ scale: 1.5, x: 125, y: 0 });
    expect(centred(image, view, 1)).toEqual({ scale: 1, x: 250, y: 100 });
  });
});

describe('scaleLimits', () => {
  it('goes down to half of the smaller of fit and 1:1, up to MAX_SCALE', () => {
    expect(scaleLimits(image, view)).toEqual({ min: 0.5, max: MAX_SCALE });
    expect(scaleLimits({ width: 2000, height: 500 }, view)).toEqual({ min: 0.25, max: MAX_SCALE });
  });
});

describe('zoomAt', () => {
  it('keeps the image pixel under the point fixed', () => {
    const before = { scale: 1, x: 250, y: 100 };
    const point = { x: 400, y: 300 };
    const after = zoomAt(before, 2, point, image, view);
    const pixel = (v: typeof before) => [(point.x - v.x) / v.scale, (point.y - v.y) / v.scale];
    expect(after.scale).toBe(2);
    expect(pixel(after)).toEqual(pixel(before));
    expect(after).toEqual({ scale: 2, x: 100, y: -100 });
  });

  it('clamps the scale to the limits, still about the point', () => {
    const top = zoomAt({ scale: 30, x: 0, y: 0 }, 4, { x: 0, y: 0 }, image, view);
    expect(top.scale).toBe(MAX_SCALE);
    const bottom = zoomAt({ scale: 1, x: 250, y: 100 }, 0.01, { x: 500, y: 300 }, image, view);
    expect(bottom.scale).toBe(0.5);
    expect(bottom).toEqual({ scale: 0.5, x: 375, y: 200 }); // centred, as the point was
  });
});

describe('panBy and clampPan', () => {
  it('moves by the distance dragged', () => {
    expect(panBy({ scale: 2, x: 0, y: 0 }, -30, 40, image, view)).toEqual({
      scale: 2,
      x: -30,
      y: 40,
    });
  });

  it('keeps PAN_MARGIN pixels of a large image in view on each side', () => {
    const far = panBy({ scale: 2, x: 0, y: 0 }, -5000, 5000, image, view);
    expect(far).toEqual({ scale: 2, x: PAN_MARGIN - 1000, y: view.height - PAN_MARGIN });
  });

  it('keeps all of an image smaller than the margin in view', () => {
    const tiny = { width: 20, height: 10 };
    expect(clampPan({ scale: 1, x: -100, y: 900 }, tiny, view)).toEqual({ scale: 1, x: 0, y: 590 });
  });
});

describe('wheelFactor', () => {
  it('zooms in one step for a notch up, out for a notch down, not at all for none', () => {
    expect(wheelFactor(-100, 0)).toBeCloseTo(ZOOM_STEP);
    expect(wheelFactor(100, 0)).toBeCloseTo(1 / ZOOM_STEP);
    expect(wheelFactor(0, 0)).toBe(1);
  });

  it('reads lines and pages as pixels, and caps a fast swipe at four steps', () => {
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-48, 0));
    expect(wheelFactor(-1, 2)).toBeCloseTo(ZOOM_STEP ** 4);
    expect(wheelFactor(-5000, 0)).toBeCloseTo(ZOOM_STEP ** 4);
  });
});
