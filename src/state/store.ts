/** A listener called after every change of a store's state. */
export type Listener<T> = (state: T, previous: T) => void;

/** A minimal observable state container, free of React so that actions can be tested alone. */
export interface Store<T> {
  readonly get: () => T;
  /** Replaces part of the state (a function receives the current one); no-op if nothing changed. */
  readonly set: (patch: Partial<T> | ((state: T) => Partial<T>)) => void;
  readonly subscribe: (listener: Listener<T>) => () => void;
}

/**
 * Creates a store holding `initial`. `set` merges a patch shallowly and notifies listeners only
 * when some field changed identity.
 */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<Listener<T>>();
  return {
    get: () => state,
    set(patch) {
      const next = typeof patch === 'function' ? patch(state) : patch;
      const changed = (Object.keys(next) as (keyof T)[]).some((key) => next[key] !== state[key]);
      if (!changed) return;
      const previous = state;
      state = { ...state, ...next };
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
