import { useEffect, useId, useRef, useState } from 'react';
import {
  NEAR_DUPLICATE_DEFAULT_BITS,
  NEAR_DUPLICATE_MAX_BITS,
  NEAR_DUPLICATE_MIN_BITS,
} from '../../core/audit/index.ts';
import { useSession } from '../../state/react.ts';
import { countOf } from './names.ts';

const SETTLE_MS = 250;

/** The near-duplicate threshold: how many bits of 64 two look-alike images may differ in. */
export function Threshold({ bits }: { readonly bits: number }) {
  const session = useSession();
  const id = useId();
  // The search at a high threshold takes most of a second on a large folder: while the thumb
  // moves, only its label follows; the audit is redone once it rests.
  const [moving, setMoving] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  const move = (next: number) => {
    setMoving(next);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      session.setNearBits(next);
      setMoving(null);
    }, SETTLE_MS);
  };
  const shown = moving ?? bits;
  return (
    <div className="audit-threshold">
      <label htmlFor={id}>Similarity threshold</label>
      <input
        id={id}
        type="range"
        min={NEAR_DUPLICATE_MIN_BITS}
        max={NEAR_DUPLICATE_MAX_BITS}
        step={1}
        value={shown}
        aria-valuetext={countOf(shown, 'bit')}
        aria-describedby={`${id}-note`}
        onChange={(event) => move(Number(event.currentTarget.value))}
      />
      <output htmlFor={id} className="audit-threshold__value">
        {countOf(shown, 'bit')}
      </output>
      <span className="audit-threshold__note" id={`${id}-note`}>
        Perceptual hashes at most this many bits apart, of 64 (default{' '}
        {countOf(NEAR_DUPLICATE_DEFAULT_BITS, 'bit')}); fewer is stricter.
      </span>
    </div>
  );
}
