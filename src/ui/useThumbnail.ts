import { useCallback, useSyncExternalStore } from 'react';
import { useSession } from '../state/react.ts';
import type { TileImage } from '../state/thumbnails.ts';

/**
 * A record's thumbnail as it is now, re-rendering when it arrives or fails and only then; and
 * what its canvas calls once it has drawn it (see Thumbnails.whenDrawn).
 */
export function useThumbnail(id: number): {
  readonly image: TileImage;
  readonly drawn: () => void;
} {
  const { thumbnails } = useSession();
  const subscribe = useCallback(
    (listener: () => void) => thumbnails.subscribe(id, listener),
    [thumbnails, id],
  );
  const image = useSyncExternalStore(subscribe, () => thumbnails.get(id));
  const drawn = useCallback(() => thumbnails.drawn(id), [thumbnails, id]);
  return { image, drawn };
}
