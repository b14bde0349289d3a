import { createContext, useContext, useEffect, useMemo } from 'react';
import { useSession } from '../../state/react.ts';

/** The thumbnails the tab renders, so that the background pass makes them first. */
export interface ShownIds {
  /** Counts a rendered thumbnail in; the returned function counts it out. */
  add(id: number): () => void;
}

interface Registry extends ShownIds {
  start(): void;
  stop(): void;
}

export const ShownContext = createContext<ShownIds | null>(null);

/**
 * Counts thumbnails in and out, and hands the ids counted in to `show` once per task: a section
 * unfolding mounts hundreds of thumbnails in one render.
 */
function createRegistry(show: (ids: readonly number[]) => void): Registry {
  const counts = new Map<number, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Off once the tab unmounts: its thumbnails counting out must not undo what the grid asks.
  let live = false;
  const flush = () => {
    timer = null;
    show([...counts.keys()]);
  };
  const schedule = () => {
    if (live) timer ??= setTimeout(flush, 0);
  };
  return {
    add(id) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      schedule();
      return () => {
        const left = (counts.get(id) ?? 1) - 1;
        if (left > 0) counts.set(id, left);
        else counts.delete(id);
        schedule();
      };
    },
    start() {
      live = true;
      schedule();
    },
    stop() {
      live = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** The tab's registry of rendered thumbnails, passing them on to `session.show`. */
export function useShownRegistry(): ShownIds {
  const session = useSession();
  const registry = useMemo(() => createRegistry((ids) => session.show(ids)), [session]);
  useEffect(() => {
    registry.start();
    return () => registry.stop();
  }, [registry]);
  return registry;
}

/** Counts the thumbnail of `id` in the tab's registry while the calling component is mounted. */
export function useShown(id: number): void {
  const shown = useContext(ShownContext);
  useEffect(() => shown?.add(id), [shown, id]);
}
