// The perceptual hash: the signs of an image's lowest spatial frequencies, so that two images
// that look alike (re-encoded, slightly noisier, a little brighter) have hashes a few bits apart.

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

/**
 * Takes the luma of a PHASH_SIDE × PHASH_SIDE image, row by row (missing samples read as 0);
 * returns its 64-bit perceptual hash as an unsigned bigint: the 8 × 8 lowest frequencies of its
 * 2-D DCT-II, bit 63 - (8v + u) set when the coefficient (u across, v down) is above the median
 * of the 64. An image and a copy of it brightened, re-encoded or lightly noised differ in a few
 * bits; unrelated images in about half. O(side² × 8); never throws.
 */
export function perceptualHash(luma: ArrayLike<number>): bigint {
  const side = PHASH_SIDE;
  // Rows first: per row y, the 8 lowest frequencies across it.
  const across = new Float64Array(side * KEPT);
  for (let y = 0; y < side; y++) {
    for (let u = 0; u < KEPT; u++) {
      let sum = 0;
      for (let x = 0; x < side; x++)
        sum += (luma[y * side + x] ?? 0) * (COSINES[u * side + x] ?? 0);
      across[y * KEPT + u] = sum;
    }
  }
  const coefficients = new Float64Array(KEPT * KEPT);
  for (let v = 0; v < KEPT; v++) {
    for (let u = 0; u < KEPT; u++) {
      let sum = 0;
      for (let y = 0; y < side; y++)
        sum += (across[y * KEPT + u] ?? 0) * (COSINES[v * side + y] ?? 0);
      coefficients[v * KEPT + u] = sum;
    }
  }
  const sorted = Float64Array.from(coefficients).sort();
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
  let hash = 0n;
  for (let at = 0; at < coefficients.length; at++) {
    hash = (hash << 1n) | ((coefficients[at] ?? 0) > median ? 1n : 0n);
  }
  return hash;
}

/** Takes a 64-bit hash; returns it as 16 lowercase hex digits (modulo 2^64). Never throws. */
export function hashToHex(hash: bigint): string {
  return BigInt.asUintN(64, hash).toString(16).padStart(16, '0');
}

/** Takes hex digits as hashToHex writes them; returns the hash, or undefined if they are not. */
export function hashFromHex(hex: string): bigint | undefined {
  return /^[0-9a-f]{16}$/.test(hex) ? BigInt(`0x${hex}`) : undefined;
}

/** Takes a digest's bytes (e.g. from crypto.subtle.digest); returns them as lowercase hex. */
export function digestToHex(digest: ArrayBuffer | Uint8Array): string {
  const bytes = digest instanceof Uint8Array ? digest : new Uint8Array(digest);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
