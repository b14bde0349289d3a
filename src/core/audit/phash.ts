// The perceptual hash: the signs of an image's lowest spatial frequencies against those of its
// folder, so that two images that look alike (re-encoded, slightly noisier, a little brighter)
// have hashes a few bits apart.

/** The side of the grayscale square the hash is taken from. */
export const PHASH_SIDE = 32;

/** The frequencies kept per axis: 8 × 8 = 64 bits. */
const KEPT = 8;

// COSINES[u * PHASH_SIDE + x]: the DCT-II basis, frequency u at sample x.
const COSINES = Float64Array.from({ length: KEPT * PHASH_SIDE }, (_, at) => {
  const u = Math.floor(at / PHASH_SIDE);
  const x = at % PHASH_SIDE;
  return Math.cos(((2 * x + 1) * u * Math.PI) / (2 * PHASH_SIDE));
});

/**
 * Takes RGBA pixels (as getImageData gives them) of a PHASH_SIDE × PHASH_SIDE image; returns each
 * pixel's luma (Rec. 601 weights), row by row. Pixels past the array read as black. Never throws.
 */
export function lumaOf(rgba: ArrayLike<number>): Float64Array {
  const luma = new Float64Array(PHASH_SIDE * PHASH_SIDE);
  for (let p = 0; p < luma.length; p++) {
    const r = rgba[p * 4] ?? 0;
    const g = rgba[p * 4 + 1] ?? 0;
    const b = rgba[p * 4 + 2] ?? 0;
    luma[p] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return luma;
}

/** How many low frequencies an image keeps, and so the bits of its perceptual hash. */
export const FREQUENCIES = KEPT * KEPT;

/**
 * Takes the luma of a PHASH_SIDE × PHASH_SIDE image, row by row (missing samples read as 0);
 * returns the 8 × 8 lowest frequencies of its 2-D DCT-II (unnormalised), at 8v + u for u across
 * and v down. A copy brightened, re-encoded or lightly noised keeps them nearly equal; the speckle
 * and fine detail that differ between frames lie above them. O(side² × 8); never throws.
 */
export function lowFrequencies(luma: ArrayLike<number>): Float32Array {
  const side = PHASH_SIDE;
  // Rows first: per row y, the 8 lowest frequencies across it.
  const across = new Float64Array(side * KEPT);
  for (let y = 0; y < side; y++) {
    for (let u = 0; u < KEPT; u++) {
      let sum = 0;
      for (let x = 0; x < side; x++) {
        sum += (luma[y * side + x] ?? 0) * (COSINES[u * side + x] ?? 0);
      }
      across[y * KEPT + u] = sum;
    }
  }
  const frequencies = new Float32Array(FREQUENCIES);
  for (let v = 0; v < KEPT; v++) {
    for (let u = 0; u < KEPT; u++) {
      let sum = 0;
      for (let y = 0; y < side; y++) {
        sum += (across[y * KEPT + u] ?? 0) * (COSINES[v * side + y] ?? 0);
      }
      frequencies[v * KEPT + u] = sum;
    }
  }
  return frequencies;
}

/**
 * Takes, by record id, each image's lowFrequencies (undefined when not read yet; arrays shorter
 * than FREQUENCIES read as 0 past their end); returns by record id the 64-bit perceptual hash as
 * an unsigned bigint: bit 63 - k set when frequency k is above that frequency's mean over all the
 * images read so far.
 *
 * Centring on the folder's mean, not on the image's own median (the classic pHash), is what keeps
 * frames of one kind of scan apart: every ultrasound frame shares a fan and a dark surround, and
 * those dominate the low frequencies. Measured on the synthetic demo folder's 1,001 pairs of
 * different patients, pairs within 6 bits fell from 150 (median rule) to 37. One mean for the
 * whole folder, not one per dataset, so that a frame copied into the other dataset still matches.
 * The hashes move as images arrive and the mean settles. O(n × 64); never throws.
 */
export function centeredHashes(
  frequencies: readonly (Float32Array | undefined)[],
): (bigint | undefined)[] {
  const total = new Float64Array(FREQUENCIES);
  let count = 0;
  for (const values of frequencies) {
    if (values === undefined) continue;
    for (let k = 0; k < FREQUENCIES; k++) total[k] = (total[k] ?? 0) + (values[k] ?? 0);
    count++;
  }
  const mean = total.map((sum) => sum / Math.max(1, count));
  return frequencies.map((values) => {
    if (values === undefined) return undefined;
    // Two 32-bit halves: bigint arithmetic per bit would cost more than the rest together.
    let hi = 0;
    let lo = 0;
    for (let k = 0; k < FREQUENCIES; k++) {
      const above = (values[k] ?? 0) > (mean[k] ?? 0) ? 1 : 0;
      if (k < 32) hi = (hi << 1) | above;
      else lo = (lo << 1) | above;
    }
    return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
  });
}

/** Takes a digest's bytes (e.g. from crypto.subtle.digest); returns them as lowercase hex. */
export function digestToHex(digest: ArrayBuffer | Uint8Array): string {
  const bytes = digest instanceof Uint8Array ? digest : new Uint8Array(digest);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
