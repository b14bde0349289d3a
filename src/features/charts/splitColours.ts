import type { SplitKind } from '../../core/chartSeries.ts';

/** The split colours of the grid's badges (styles.css), for SVG fills and legend swatches. */
export const SPLIT_FILL: Readonly<Record<SplitKind, string>> = {
  train: 'var(--train)',
  test: 'var(--test)',
  other: 'var(--bad)',
};
