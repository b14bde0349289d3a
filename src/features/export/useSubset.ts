import { useMemo, useState } from 'react';
import { useApp } from '../../state/derived.ts';

const EXCLUDE = 'exclude';

/** The images an export takes: those the filters keep, less those tagged exclude unless asked. */
export interface Subset {
  readonly ids: Uint32Array;
  /** Images the filters keep that are tagged exclude. */
  readonly excluded: number;
  readonly dropExcluded: boolean;
  readonly setDropExcluded: (drop: boolean) => void;
}

/** The subset every section of the Export tab writes, from the filters' selection. */
export function useSubset(selection: Uint32Array): Subset {
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
  return { ids, excluded, dropExcluded, setDropExcluded };
}
