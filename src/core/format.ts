// How numbers are written for the user: one place, so every count reads the same.

const counts = new Intl.NumberFormat('en-US');

/** Takes a count; returns it with thousands separators (`12,345`). */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** Takes a share between 0 and 1; returns it in percent with at most one decimal (`97.5%`). */
export function formatShare(share: number): string {
  const percent = Math.round(share * 1000) / 10;
  return `${percent}%`;
}

/** Takes a byte count; returns it in B, kB or MB (powers of 1,000, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Takes a width and height in pixels; returns them as `W×H` with the multiplication sign. */
export function formatSize(width: number, height: number): string {
  return `${width}×${height}`;
}

/**
 * Takes a minimum, median and maximum in pixels; returns them as `min – median – max` (en dashes
 * with a space either side, no thousands separators, like formatSize).
 */
export function formatSpread(spread: {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}): string {
  return `${spread.min} – ${spread.median} – ${spread.max}`;
}
