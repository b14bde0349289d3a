import { formatCount } from '../core/format.ts';

interface Props {
  readonly label: string;
  readonly value: number;
  /** Unknown while the total is still being counted: the bar is then indeterminate. */
  readonly max: number | null;
}

/** One phase's progress, with its count written out beside the bar. */
export function ProgressBar({ label, value, max }: Props) {
  const known = max !== null && max > 0;
  const percent = known ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div className="progress">
      <span className="progress__label">{label}</span>
      <div
        className={known ? 'progress__track' : 'progress__track progress__track--busy'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuenow={value}
        aria-valuemax={known ? max : undefined}
        aria-valuetext={known ? `${formatCount(value)} of ${formatCount(max)}` : formatCount(value)}
      >
        {/* Scaled, not sized: a width change lays out and paints the page, a transform does not. */}
        <div
          className="progress__fill"
          style={known ? { transform: `scaleX(${percent / 100})` } : undefined}
        />
      </div>
      <span className="progress__count">
        {formatCount(value)}
        {known && ` / ${formatCount(max)}`}
      </span>
    </div>
  );
}
