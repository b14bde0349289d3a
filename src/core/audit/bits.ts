// Bit and set arithmetic for the near-duplicate search: 64-bit hashes as two uint32 halves.

/**
 * Takes a 64-bit value as its high and low uint32 halves; returns bits start..start+width-1 (bit 0
 * the lowest of `lo`) as a number. `width` is at most 32; never throws.
 */
export function chunkOf(hi: number, lo: number, start: number, width: number): number {
  const mask = width === 32 ? 0xffffffff : 2 ** width - 1;
  if (start >= 32) return ((hi >>> (start - 32)) & mask) >>> 0;
  if (start + width <= 32) return ((lo >>> start) & mask) >>> 0;
  const low = 32 - start;
  return (lo >>> start) + ((hi & (2 ** (width - low) - 1)) >>> 0) * 2 ** low;
}

/** The number of set bits of a uint32. */
export function popCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Disjoint sets over 0..count-1, with path halving. */
export class UnionFind {
  private readonly parent: Uint32Array;

  constructor(count: number) {
    this.parent = Uint32Array.from({ length: count }, (_, i) => i);
  }

  find(i: number): number {
    let at = i;
    for (let up = this.parent[at] ?? at; up !== at; up = this.parent[at] ?? at) {
      const grand = this.parent[up] ?? up;
      this.parent[at] = grand;
      at = grand;
    }
    return at;
  }

  /** Joins the sets of a and b under the lower root, so a set's root is its first member. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}
