import { useMemo, useState } from 'react';
import type { DatasetSource } from '../../core/join.ts';
import type { OpenData } from '../../state/app.ts';
import { useApp } from '../../state/derived.ts';
import { rowsPerSource } from '../../state/export.ts';

const EXCLUDE = 'exclude';

/** The images an export takes: those the filters keep, less those tagged exclude unless asked. */
export interface Subset {
  readonly ids: Uint32Array;
  /** Each dataset CSV with rows among `ids`, and how many. */
  readonly perSource: readonly { readonly source: DatasetSource; readonly rows: number }[];
  /** Images the filters keep that are tagged exclude. */
  readonly excluded: number;
  readonly dropExcluded: boolean;
  readonly setDropExcluded: (drop: boolean) => void;
}

/** The subset every section of the Export tab writes, from the filters' selection. */
export function useSubset(data: OpenData | null, selection: Uint32Array): Subset {
  const tags = useApp((state) => state.tags);
  const [dropExcluded, setDropExcluded] = useState(true);
  const excluded = useMemo(
    () => selection.filter((at) => tags[at]?.includes(EXCLUDE) === true).length,
    [selection, tags],
  );
  const ids = useMemo(
    () =>
      dropExcluded && excluded > 0
        ? selection.filter((at) => tags[at]?.includes(EXCLUDE) !== true)
        : selection,
    [selection, tags, dropExcluded, excluded],
  );
  const perSource = useMemo(() => (data === null ? [] : rowsPerSource(data, ids)), [data, ids]);
  return { ids, perSource, excluded, dropExcluded, setDropExcluded };
}
