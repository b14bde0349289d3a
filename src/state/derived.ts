import { useMemo } from 'react';
import {
  evaluate,
  refreshFindings,
  refreshSizes,
  refreshTags,
  type Evaluation,
} from '../core/filter.ts';
import { tagMasks, type TagMasks } from '../core/tags.ts';
import { sortSelection } from '../core/order.ts';
import { summarizeSizes, type SizeSummary } from '../core/summary.ts';
import type { AppState, OpenData } from './app.ts';
import { useFindingMasks } from './audit.ts';
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

/** The Tag facet's labels and per-record bits, redone when the tags change. */
export function useTagMasks(): TagMasks {
  const tags = useApp((state) => state.tags);
  return useMemo(() => tagMasks(tags), [tags]);
}

/**
 * The current filter's selection and facet counts over the open data (null when none is open),
 * seeing sizes as they arrive. Unless a size is checked, a batch of sizes changes only the Size
 * facet's counts: the selection stays the same array, so what depends on it alone is not redone.
 * Findings and tags likewise change only their facet's counts unless one of theirs is checked.
 */
export function useEvaluation(): Evaluation | null {
  const data = useData();
  const filter = useApp((state) => state.filter);
  const sizesVersion = useApp((state) => state.sizesVersion);
  const masks = useFindingMasks();
  const tags = useTagMasks();
  const checksTag = (filter.facets.tag ?? []).length > 0;
  const selectingTags = checksTag ? tags : null;
  // Findings change the selection only when one is checked; otherwise only the Finding counts.
  const checksFinding = (filter.facets.finding ?? []).length > 0;
  const selectingMasks = checksFinding ? masks : null;
  // The index's version when evaluated: sizes read since call for a refresh.
  const evaluated = useMemo(
    () =>
      data === null
        ? null
        : {
            at: data.index.version,
            evaluation: evaluate(
              data.index,
              filter,
              selectingMasks ?? undefined,
              selectingTags ?? undefined,
            ),
          },
    [data, filter, selectingMasks, selectingTags],
  );
  const sized = useMemo(() => {
    void sizesVersion;
    if (data === null || evaluated === null) return null;
    const { at, evaluation } = evaluated;
    return at === data.index.version ? evaluation : refreshSizes(data.index, filter, evaluation);
  }, [data, filter, evaluated, sizesVersion]);
  const found = useMemo(() => {
    if (data === null || sized === null || masks === null || sized.findings === masks) return sized;
    return refreshFindings(data.index, filter, sized, masks);
  }, [data, filter, sized, masks]);
  return useMemo(() => {
    if (data === null || found === null || found.tags === tags) return found;
    return refreshTags(data.index, filter, found, tags);
  }, [data, filter, found, tags]);
}

/** The selection in the grid's order. Sizes arriving re-sort it only when sorting by size. */
export function useOrderedSelection(): Uint32Array {
  const data = useData();
  const evaluation = useEvaluation();
  const { sort, descending } = useApp((state) => state.view);
  const sizesVersion = useApp((state) => (state.view.sort === 'size' ? state.sizesVersion : 0));
  const selection = evaluation?.selection ?? null;
  return useMemo(() => {
    void sizesVersion;
    if (data === null || selection === null) return new Uint32Array(0);
    return sortSelection(data.index, selection, sort, descending);
  }, [data, selection, sort, descending, sizesVersion]);
}

/** The image sizes of the current selection by country and machine, as sizes arrive. */
export function useSizeSummary(): SizeSummary | null {
  const data = useData();
  const selection = useEvaluation()?.selection ?? null;
  const sizesVersion = useApp((state) => state.sizesVersion);
  return useMemo(() => {
    void sizesVersion;
    if (data === null || selection === null) return null;
    return summarizeSizes(data.index, selection);
  }, [data, selection, sizesVersion]);
}

/** Where the pass over the image headers is. */
export interface HeaderPass {
  /** True while headers are being read. */
  readonly reading: boolean;
  /** Images present in the folder. */
  readonly images: number;
  /** Images whose header the pass has not read yet (0 once it is done). */
  readonly toCome: number;
}

/** Where the pass over the image headers is, for "N of M still to come". */
export function useHeaderPass(): HeaderPass {
  const scanning = useApp((state) => state.progress.scanning);
  const images = useApp((state) => state.progress.images);
  const headersRead = useApp((state) => state.progress.headersRead);
  return useMemo(() => {
    const toCome = scanning ? Math.max(0, images - headersRead) : 0;
    return { reading: toCome > 0, images, toCome };
  }, [scanning, images, headersRead]);
}
