import { useMemo } from 'react';
import { evaluate, type Evaluation } from '../core/filter.ts';
import { sortSelection } from '../core/order.ts';
import type { AppState, OpenData } from './app.ts';
import { useSession } from './react.ts';
import { useStore } from './useStore.ts';

/** A slice of the app state, re-rendering only when it changes. */
export function useApp<S>(select: (state: AppState) => S): S {
  return useStore(useSession().store, select);
}

/** The open data, or null on the start and loading screens. */
export function useData(): OpenData | null {
  return useApp((state) => state.data);
}

/** The current filter's selection and facet counts over the open data (null when none is open). */
export function useEvaluation(): Evaluation | null {
  const data = useData();
  const filter = useApp((state) => state.filter);
  return useMemo(() => (data === null ? null : evaluate(data.index, filter)), [data, filter]);
}

/** The selection in the grid's order. Sizes arriving re-sort it only when sorting by size. */
export function useOrderedSelection(): Uint32Array {
  const data = useData();
  const evaluation = useEvaluation();
  const { sort, descending } = useApp((state) => state.view);
  const sizesVersion = useApp((state) => (state.view.sort === 'size' ? state.sizesVersion : 0));
  return useMemo(() => {
    void sizesVersion;
    if (data === null || evaluation === null) return new Uint32Array(0);
    return sortSelection(data.index, evaluation.selection, sort, descending);
  }, [data, evaluation, sort, descending, sizesVersion]);
}
