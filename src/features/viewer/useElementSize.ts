import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Extent } from '../../core/viewport.ts';

const EMPTY: Extent = { width: 0, height: 0 };

/** The content box of an element in CSS pixels, kept current with a ResizeObserver. */
export function useElementSize(ref: RefObject<HTMLElement | null>): Extent {
  const [size, setSize] = useState(EMPTY);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const update = (width: number, height: number) =>
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    update(element.clientWidth, element.clientHeight);
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) update(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
