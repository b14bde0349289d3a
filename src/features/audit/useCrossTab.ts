import { useMemo } from 'react';
import { crossTab, type CrossTab, type CrossTabField } from '../../core/audit/index.ts';
import { useData, useEvaluation } from '../../state/derived.ts';

/** The cross-tab of two fields over the current filter's selection; null when nothing is open. */
export function useCrossTab(rows: CrossTabField, columns: CrossTabField): CrossTab | null {
  const data = useData();
  const selection = useEvaluation()?.selection ?? null;
  return useMemo(
    () =>
      data === null || selection === null ? null : crossTab(data.index, rows, columns, selection),
    [data, selection, rows, columns],
  );
}
