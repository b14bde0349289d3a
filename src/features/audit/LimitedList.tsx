import { useState, type ReactNode } from 'react';
import { formatCount } from '../../core/format.ts';

/** How many entries a list shows before "Show all". */
export const LIST_LIMIT = 50;

interface Props<T> {
  readonly items: readonly T[];
  readonly keyOf: (item: T) => string | number;
  readonly render: (item: T) => ReactNode;
  readonly className: string;
  readonly limit?: number;
}

/** A list that shows its first entries, and the rest when asked: a folder can hold thousands. */
export function LimitedList<T>({ items, keyOf, render, className, limit = LIST_LIMIT }: Props<T>) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  return (
    <>
      <ul className={className}>
        {shown.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="button button--small" onClick={() => setAll(true)}>
          Show all {formatCount(items.length)}
        </button>
      )}
    </>
  );
}
