import { createHash } from 'node:crypto';
import {
  FREQUENCIES,
  PHASH_SIDE,
  centeredHashes,
  digestToHex,
  lowFrequencies,
  lumaOf,
} from '../../src/core/audit/phash.ts';
import { createRandom } from '../fixtures/random.ts';

const SIDE = PHASH_SIDE;
const ALL_BITS = (1n << 64n) - 1n;

/** The DCT-II basis of frequency u across and v down, at pixel (x, y). */
function basis(u: number, v: number, x: number, y: number): number {
  const across = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIDE));
  const down = Math.cos(((2 * y + 1) * v * Math.PI) / (2 * SIDE));
  return across * down;
}

/** A SIDE × SIDE luma image: the sum of the basis functions of frequency 8v + u times `a[8v + u]`. */
function planted(a: readonly number[]): Float64Array {
  const luma = new Float64Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      let sum = 0;
      a.forEach((weight, k) => (sum += weight * basis(k % 8, Math.floor(k / 8), x, y)));
      luma[y * SIDE + x] = sum;
    }
  }
  return luma;
}

/** 64 seeded coefficients: a brightness around 100-150 and every other frequency within ±3. */
function randomCoefficients(seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: 64 }, (_, k) => (k === 0 ? 100 + 50 * random() : 6 * random() - 3));
}

/**
 * The hashes the contract implies for images planted from `folder`'s coefficients: a planted
 * coefficient's frequency is it times a positive factor of its (u, v) alone, so frequency k is
 * above its mean over the folder exactly when coefficient k is above the coefficients' mean.
 */
function expectedHashes(folder: readonly (readonly number[])[]): bigint[] {
  const mean = Array.from(
    { length: 64 },
    (_, k) => folder.reduce((sum, a) => sum + (a[k] ?? 0), 0) / folder.length,
  );
  return folder.map((a) =>
    a.reduce(
      (hash, weight, k) => (weight > (mean[k] ?? 0) ? hash | (1n << BigInt(63 - k)) : hash),
      0n,
    ),
  );
}

function bitsApart(a: bigint | undefined, b: bigint | undefined): number {
  return [...((a ?? 0n) ^ (b ?? 0n)).toString(2)].filter((bit) => bit === '1').length;
}

/** Grey RGBA pixels (as getImageData gives them) of a luma image. */
function greyRgba(luma: ArrayLike<number>): number[] {
  return Array.from(luma).flatMap((value) => [value, value, value, 255]);
}

describe('lumaOf', () => {
  it('weighs red, green and blue as Rec. 601 does and ignores alpha', () => {
    const luma = lumaOf([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 100, 100, 100, 0]);
    expect(luma).toHaveLength(SIDE * SIDE);
    expect(luma[0]).toBeCloseTo(0.299 * 255, 9);
    expect(luma[1]).toBeCloseTo(0.587 * 255, 9);
    expect(luma[2]).toBeCloseTo(0.114 * 255, 9);
    expect(luma[3]).toBeCloseTo(100, 9);
  });

  it('reads pixels past the array as black', () => {
    const luma = lumaOf([10, 20]);
    expect(luma[0]).toBeCloseTo(0.299 * 10 + 0.587 * 20, 9);
    expect(luma.slice(1).every((value) => value === 0)).toBe(true);
    expect(lumaOf([]).every((value) => value === 0)).toBe(true);
  });
});

describe('lowFrequencies', () => {
  it('puts a constant image into its first frequency alone', () => {
    const frequencies = lowFrequencies(new Float64Array(SIDE * SIDE).fill(100));
    expect(frequencies).toHaveLength(FREQUENCIES);
    expect(FREQUENCIES).toBe(64);
    // Each of the SIDE² samples counts once at frequency 0 (both cosines are 1).
    expect(frequencies[0]).toBeCloseTo(100 * SIDE * SIDE, 1);
    for (const value of frequencies.slice(1)) expect(Math.abs(value)).toBeLessThan(1e-6);
  });

  it('finds a single frequency at 8v + u, scaled by the sums of its squared cosines', () => {
    // Σ cos² over SIDE samples is SIDE / 2 at a frequency above 0 and SIDE at 0.
    const cases = [
      { u: 3, v: 2, scale: (SIDE / 2) * (SIDE / 2) },
      { u: 5, v: 0, scale: SIDE * (SIDE / 2) },
      { u: 0, v: 7, scale: SIDE * (SIDE / 2) },
    ];
    for (const { u, v, scale } of cases) {
      const weights = Array.from({ length: 64 }, (_, k) => (k === 8 * v + u ? 2 : 0));
      const frequencies = lowFrequencies(planted(weights));
      frequencies.forEach((value, k) => {
        expect(value).toBeCloseTo(k === 8 * v + u ? 2 * scale : 0, 3);
      });
    }
  });

  it('leaves out detail above the eighth frequency', () => {
    const fine = Float64Array.from({ length: SIDE * SIDE }, (_, p) =>
      basis(12, 9, p % SIDE, Math.floor(p / SIDE)),
    );
    for (const value of lowFrequencies(fine)) expect(Math.abs(value)).toBeLessThan(1e-9);
  });

  it('moves only its first frequency when the image is brightened, and scales with contrast', () => {
    const luma = planted(randomCoefficients(3));
    const base = lowFrequencies(luma);
    const brighter = lowFrequencies(luma.map((value) => value + 20));
    const contrast = lowFrequencies(luma.map((value) => 1.5 * value));
    expect(brighter[0]).toBeCloseTo((base[0] ?? 0) + 20 * SIDE * SIDE, 1);
    base.forEach((value, k) => {
      if (k > 0) expect(brighter[k]).toBeCloseTo(value, 2);
      expect(contrast[k]).toBeCloseTo(1.5 * value, 1);
    });
  });

  it('reads missing samples as 0', () => {
    expect(Array.from(lowFrequencies([]))).toEqual(new Array(64).fill(0));
    // The top half of a constant image: no vertical frequency of even v but 0 survives.
    const half = lowFrequencies(new Array(SIDE * (SIDE / 2)).fill(1));
    expect(half[0]).toBeCloseTo(SIDE * (SIDE / 2), 3);
    expect(half[8 * 2]).toBeCloseTo(0, 3);
    expect(Math.abs(half[8] ?? 0)).toBeGreaterThan(1);
  });
});

describe('centeredHashes', () => {
  it('sets bit 63 - k where frequency k is above its mean over the images', () => {
    const image = (values: Record<number, number>) =>
      Float32Array.from({ length: 64 }, (_, k) => values[k] ?? 0);
    // Frequency 0 is the top bit, 31 and 32 straddle the 32-bit halves, 63 is the lowest bit.
    const hashes = centeredHashes([
      image({ 0: 10, 31: 5, 32: 5, 63: 1 }),
      image({ 0: -10, 31: -5, 32: -5, 63: -1 }),
      image({}),
    ]);
    expect(hashes).toEqual([
      (1n << 63n) | (1n << 32n) | (1n << 31n) | 1n,
      0n,
      // Every mean is 0, and a value equal to its mean is not above it.
      0n,
    ]);
  });

  it('gives a constant image the top bit alone when it is brighter than the folder', () => {
    // A constant image has all its weight at frequency 0; next to an image with every other
    // frequency positive and less brightness, every mean but the first is above its 0s.
    const other = [120, ...new Array<number>(63).fill(1)];
    const constant = new Float64Array(SIDE * SIDE).fill(200);
    const hashes = centeredHashes([lowFrequencies(constant), lowFrequencies(planted(other))]);
    expect(hashes).toEqual([1n << 63n, ALL_BITS >> 1n]);
  });

  it('gives an image alone in its folder hash 0', () => {
    expect(centeredHashes([lowFrequencies(planted(randomCoefficients(1)))])).toEqual([0n]);
  });

  it('keeps unread images undefined and out of the means', () => {
    const a = lowFrequencies(planted(randomCoefficients(1)));
    const b = lowFrequencies(planted(randomCoefficients(2)));
    const [first, second] = centeredHashes([a, b]);
    expect(centeredHashes([undefined, a, undefined, b])).toEqual([
      undefined,
      first,
      undefined,
      second,
    ]);
    expect(centeredHashes([undefined])).toEqual([undefined]);
    expect(centeredHashes([])).toEqual([]);
  });

  it('reads a short array as 0 past its end', () => {
    expect(centeredHashes([Float32Array.of(4, 4), Float32Array.of()])).toEqual([
      (1n << 63n) | (1n << 62n),
      0n,
    ]);
  });

  it('gives images the hashes their planted frequencies imply', () => {
    const folder = [1, 2, 3, 4, 5, 6, 7, 8].map(randomCoefficients);
    const frequencies = folder.map((a) => lowFrequencies(lumaOf(greyRgba(planted(a)))));
    expect(centeredHashes(frequencies)).toEqual(expectedHashes(folder));
  });

  it('gives the same hashes when every image is brightened or its contrast changed', () => {
    const images = [1, 2, 3, 4, 5, 6].map((seed) => planted(randomCoefficients(seed)));
    const hashes = centeredHashes(images.map(lowFrequencies));
    const brighter = images.map((luma) => lowFrequencies(luma.map((value) => value + 40)));
    const flatter = images.map((luma) => lowFrequencies(luma.map((value) => 0.6 * value + 20)));
    expect(centeredHashes(brighter)).toEqual(hashes);
    expect(centeredHashes(flatter)).toEqual(hashes);
  });

  it('moves at most the top bit of a copy brightened among the originals', () => {
    const images = [1, 2, 3, 4, 5].map((seed) => planted(randomCoefficients(seed)));
    const copy = (images[0] ?? new Float64Array()).map((value) => value + 30);
    const hashes = centeredHashes([...images, copy].map(lowFrequencies));
    const moved = (hashes[0] ?? 0n) ^ (hashes[5] ?? 0n);
    expect(moved & ~(1n << 63n)).toBe(0n);
  });

  it('keeps a lightly noised copy within a few bits', () => {
    const images = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => planted(randomCoefficients(seed)));
    const random = createRandom(99);
    // Whole grey levels from -3 to +3.
    const noised = (images[0] ?? new Float64Array()).map(
      (value) => value + Math.floor(7 * random()) - 3,
    );
    const hashes = centeredHashes([...images, noised].map(lowFrequencies));
    expect(bitsApart(hashes[0], hashes[8])).toBeLessThanOrEqual(3);
  });

  it('tells two unrelated images apart by many bits', () => {
    const folder = [11, 12, 13, 14, 15, 16].map(randomCoefficients);
    const expected = expectedHashes(folder);
    const hashes = centeredHashes(folder.map((a) => lowFrequencies(planted(a))));
    expect(bitsApart(hashes[0], hashes[1])).toBe(bitsApart(expected[0], expected[1]));
    expect(bitsApart(hashes[0], hashes[1])).toBeGreaterThanOrEqual(16);
  });

  it('tells a horizontal gradient from a vertical one', () => {
    const horizontal = Float64Array.from({ length: SIDE * SIDE }, (_, p) => 8 * (p % SIDE));
    const vertical = Float64Array.from({ length: SIDE * SIDE }, (_, p) => 8 * Math.floor(p / SIDE));
    const [across, down] = centeredHashes([lowFrequencies(horizontal), lowFrequencies(vertical)]);
    // A ramp across has weight only at odd u with v = 0, a ramp down only at odd v with u = 0:
    // at those 8 frequencies one image is far from 0 and the other at it, so each hash has the
    // bit the other lacks.
    const ramps = [1, 3, 5, 7].flatMap((odd) => [odd, 8 * odd]);
    for (const k of ramps) {
      const bit = 1n << BigInt(63 - k);
      expect(((across ?? 0n) & bit) !== ((down ?? 0n) & bit)).toBe(true);
    }
  });
});

describe('digestToHex', () => {
  it('writes each byte as two lowercase hex digits', () => {
    expect(digestToHex(Uint8Array.of(0, 15, 255))).toBe('000fff');
    expect(digestToHex(Uint8Array.of(0xab, 0x1))).toBe('ab01');
    expect(digestToHex(new Uint8Array())).toBe('');
  });

  it('reads an ArrayBuffer and a view into a larger buffer', () => {
    expect(digestToHex(Uint8Array.of(1, 2, 160).buffer)).toBe('0102a0');
    expect(digestToHex(Uint8Array.of(9, 10, 11, 12).subarray(1, 3))).toBe('0a0b');
  });

  it('writes a SHA-256 from crypto.subtle as node:crypto does', async () => {
    const bytes = new TextEncoder().encode('Patient00001_Plane1_1_of_1.png');
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    const hex = digestToHex(digest);
    expect(hex).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
  });
});
