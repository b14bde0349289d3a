import { useMemo } from 'react';
import { tilesPerPatientPlane } from '../core/patientTiles.ts';
import { useApp, useData, useOrderedSelection } from './derived.ts';

/** What the grid shows: record ids in order and, when folded by patient, frames per tile. */
export interface GridTiles {
  readonly ids: Uint32Array;
  readonly frames: Uint32Array | null;
}

/** The grid's tiles: the ordered selection, or one tile per patient and plane when asked. */
export function useGridTiles(): GridTiles {
  const data = useData();
  const ordered = useOrderedSelection();
  const perPatient = useApp((state) => state.view.perPatient);
  return useMemo(() => {
    if (!perPatient || data === null) return { ids: ordered, frames: null };
    return tilesPerPatientPlane(data.index, ordered);
  }, [data, ordered, perPatient]);
}
