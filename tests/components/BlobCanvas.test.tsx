// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlobCanvas } from '../../src/ui/BlobCanvas.tsx';

// jsdom decodes nothing and has no 2D context: both are stood in for, and recorded.
interface FakeBitmap {
  readonly width: number;
  readonly height: number;
  readonly from: Blob;
  readonly close: () => void;
}

const drawn: { bitmap: FakeBitmap; canvas: HTMLCanvasElement }[] = [];
const cleared: HTMLCanvasElement[] = [];
const pending: {
  blob: Blob;
  resolve: (bitmap: FakeBitmap) => void;
  reject: (error: Error) => void;
}[] = [];
const closed: Blob[] = [];

const sizes = new Map<Blob, [number, number]>();
const jpeg = (width: number, height: number) => {
  const blob = new Blob([`${width}x${height}`], { type: 'image/jpeg' });
  sizes.set(blob, [width, height]);
  return blob;
};

/** Decodes the oldest blob asked for, as its recorded size. */
async function decodeNext() {
  const next = pending.shift();
  if (next === undefined) throw new Error('Nothing was asked to decode');
  const [width, height] = sizes.get(next.blob) ?? [0, 0];
  await act(async () => {
    next.resolve({ width, height, from: next.blob, close: () => closed.push(next.blob) });
  });
}

beforeEach(() => {
  vi.stubGlobal(
    'createImageBitmap',
    (blob: Blob) =>
      new Promise<FakeBitmap>((resolve, reject) => pending.push({ blob, resolve, reject })),
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    return {
      drawImage: (bitmap: FakeBitmap) => drawn.push({ bitmap, canvas: this }),
      clearRect: () => cleared.push(this),
    } as unknown as CanvasRenderingContext2D;
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const list of [drawn, cleared, pending, closed]) list.length = 0;
});

describe('BlobCanvas', () => {
  it('draws the blob at its own size, marks the canvas drawn, closes the bitmap', async () => {
    const blob = jpeg(256, 192);
    const { container } = render(<BlobCanvas blob={blob} />);
    const canvas = container.querySelector('canvas');
    expect(canvas).not.toBeNull();
    expect(canvas?.dataset.drawn).toBeUndefined();

    await decodeNext();
    expect(drawn.map((draw) => draw.bitmap.from)).toEqual([blob]);
    expect(drawn[0]?.canvas).toBe(canvas);
    expect([canvas?.width, canvas?.height]).toEqual([256, 192]);
    expect(canvas?.dataset.drawn).toBe('');
    expect(closed).toEqual([blob]);
  });

  it('clears a recycled canvas before the next picture, in the same element', async () => {
    const first = jpeg(256, 192);
    const second = jpeg(192, 256);
    const { container, rerender } = render(<BlobCanvas blob={first} />);
    await decodeNext();
    const canvas = container.querySelector('canvas');

    rerender(<BlobCanvas blob={second} />);
    // Until the new picture is in, the old one is not shown and the canvas is not drawn.
    expect(cleared).toEqual([canvas]);
    expect(canvas?.dataset.drawn).toBeUndefined();
    await decodeNext();
    expect(container.querySelector('canvas')).toBe(canvas);
    expect(drawn.map((draw) => draw.bitmap.from)).toEqual([first, second]);
    expect([canvas?.width, canvas?.height]).toEqual([192, 256]);
    expect(canvas?.dataset.drawn).toBe('');
  });

  it('draws nothing for a replaced picture or a gone canvas, but closes', async () => {
    const first = jpeg(256, 192);
    const second = jpeg(256, 192);
    const { rerender, unmount } = render(<BlobCanvas blob={first} />);
    rerender(<BlobCanvas blob={second} />);
    await decodeNext();
    expect(drawn).toEqual([]);
    unmount();
    await decodeNext();
    expect(drawn).toEqual([]);
    expect(closed).toEqual([first, second]);
  });

  it('reports a drawn or undecodable picture once, none replaced first', async () => {
    const reported: string[] = [];
    const report = (name: string) => () => reported.push(name);
    const first = jpeg(256, 192);
    const second = jpeg(256, 192);
    const { rerender } = render(<BlobCanvas blob={first} onDrawn={report('first')} />);
    expect(reported).toEqual([]);
    const secondDrawn = report('second');
    rerender(<BlobCanvas blob={second} onDrawn={secondDrawn} />);
    await decodeNext();
    expect(reported).toEqual([]);
    await decodeNext();
    expect(reported).toEqual(['second']);

    const broken = jpeg(1, 1);
    rerender(<BlobCanvas blob={broken} onDrawn={report('broken')} />);
    const failing = pending.shift();
    await act(async () => failing?.reject(new Error('not a JPEG')));
    expect(reported).toEqual(['second', 'broken']);
  });
});
