import { thumbnailSize } from '../../src/core/thumbnail.ts';

describe('thumbnailSize', () => {
  it('scales a landscape image so its width is the longest side', () => {
    expect(thumbnailSize(800, 600, 256)).toEqual({ width: 256, height: 192 });
  });

  it('scales a portrait image so its height is the longest side', () => {
    expect(thumbnailSize(600, 800, 256)).toEqual({ width: 192, height: 256 });
  });

  it('rounds the shorter side to whole pixels', () => {
    expect(thumbnailSize(959, 661, 240)).toEqual({ width: 240, height: 165 });
  });

  it('keeps the size of an image already within the limit', () => {
    expect(thumbnailSize(200, 120, 256)).toEqual({ width: 200, height: 120 });
    expect(thumbnailSize(256, 256, 256)).toEqual({ width: 256, height: 256 });
  });

  it('keeps at least one pixel on each side of a very thin image', () => {
    expect(thumbnailSize(10_000, 3, 256)).toEqual({ width: 256, height: 1 });
    expect(thumbnailSize(2, 50_000, 100)).toEqual({ width: 1, height: 100 });
  });

  it('treats a limit below one pixel as one pixel', () => {
    expect(thumbnailSize(800, 600, 0)).toEqual({ width: 1, height: 1 });
  });
});
