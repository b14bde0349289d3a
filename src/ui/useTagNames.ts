import { useMemo } from 'react';
import { tagNames } from '../core/tags.ts';
import { useApp } from '../state/derived.ts';

/** Every tag in use in the open data, in the Tag facet's order. */
export function useTagNames(): string[] {
  const tags = useApp((state) => state.tags);
  return useMemo(() => tagNames(tags), [tags]);
}
