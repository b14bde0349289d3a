import { useCallback, useSyncExternalStore } from 'react';
import { useSession } from '../state/react.ts';
import type { TileImage } from '../state/thumbnails.ts';

/** A record's thumbnail as it is now; re-renders when it arrives or fails, and only then. */
export function useThumbnail(id: number): TileImage {
  const { thumbnails } = useSession();
  const subscribe = useCallback(
    (listener: () => void) => thumbnails.subscribe(id, listener),
    [thumbnails, id],
  );
  return useSyncExternalStore(subscribe, () => thumbnails.get(id));
}

/** What a record's canvas calls once it has drawn the thumbnail (see Thumbnails.whenDrawn). */
export function useThumbnailDrawn(id: number): () => void {
  const { thumbnails } = useSession();
  return useCallback(() => thumbnails.drawn(id), [thumbnails, id]);
}
