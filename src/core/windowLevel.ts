// Brightness and contrast as radiologists set them: a window of grey levels, centred on a level,
// is stretched over the whole display range; what lies below it is black, above it white.
// Grey levels are in 256ths of the image's range (0 black, 256 white), so the default window
// shows the image unchanged.

/** A window of grey levels: its width and its centre, in 256ths of the range. */
export interface WindowLevel {
  readonly window: number;
  readonly level: number;
}

/** The window that leaves the image as it is. */
export const FULL_RANGE: WindowLevel = { window: 256, level: 128 };

/** The slider ranges: a window narrower than one level is meaningless; a wider one dims. */
export const WINDOW_RANGE = { min: 1, max: 512 } as const;
export const LEVEL_RANGE = { min: 0, max: 256 } as const;

/** One CSS filter function; `value` is its argument as a number. */
export interface FilterStep {
  readonly name: 'brightness' | 'contrast' | 'invert';
  readonly value: number;
}

/**
 * Takes a window, a level (clamped to WINDOW_RANGE and LEVEL_RANGE) and whether to invert;
 * returns the CSS filter functions, in order, that map a grey value v in [0, 1] to
 * (v - low) / (high - low), clamped to [0, 1], where low and high are the window's edges, then
 * invert it. Empty for the full range without inversion.
 *
 * Browsers clamp to [0, 1] after each function, so the order is chosen for no clamp to cut inside
 * the window: with the level above the middle, brightness (below 1) comes first; otherwise
 * contrast does, and brightness (above 1) only clips values already past the window.
 */
export function windowLevelSteps(windowLevel: WindowLevel, invert: boolean): FilterStep[] {
  const w = clamp(windowLevel.window, WINDOW_RANGE) / 256;
  const l = clamp(windowLevel.level, LEVEL_RANGE) / 256;
  const low = l - w / 2;
  const steps: FilterStep[] =
    w === 1 && l === 0.5
      ? []
      : l > 0.5
        ? [
            { name: 'brightness', value: 1 / (2 * l) },
            { name: 'contrast', value: (2 * l) / w },
          ]
        : [
            { name: 'contrast', value: 1 / (1 - 2 * low) },
            { name: 'brightness', value: (1 - 2 * low) / w },
          ];
  if (invert) steps.push({ name: 'invert', value: 1 });
  return steps;
}

/** Takes filter steps; returns the value of the CSS `filter` property (`none` for no steps). */
export function filterCss(steps: readonly FilterStep[]): string {
  if (steps.length === 0) return 'none';
  return steps.map((step) => `${step.name}(${round(step.value)})`).join(' ');
}

function clamp(value: number, range: { readonly min: number; readonly max: number }): number {
  return Number.isFinite(value) ? Math.min(range.max, Math.max(range.min, value)) : range.min;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
