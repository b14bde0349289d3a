import { useSyncExternalStore } from 'react';
import type { Store } from './store.ts';

/**
 * Reads a slice of a store and re-renders when that slice changes identity. The selector must
 * return a stable value for an unchanged state (a field, or a memoized derivation).
 */
export function useStore<T extends object, S>(store: Store<T>, select: (state: T) => S): S {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(store.get()),
  );
}
