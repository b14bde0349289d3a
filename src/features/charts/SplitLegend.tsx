import type { Stack } from '../../core/chartSeries.ts';

/** The colour of each split in a stacked chart; nothing for an unstacked one. */
export function SplitLegend({ stacks }: { readonly stacks: readonly Stack[] }) {
  if (stacks.length === 0) return null;
  return (
    <ul className="chart__legend" aria-label="Splits">
      {stacks.map((stack) => (
        <li key={stack.kind}>
          <span className={`swatch swatch--${stack.kind}`} aria-hidden="true" />
          {stack.label}
        </li>
      ))}
    </ul>
  );
}
