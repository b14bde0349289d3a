import { filterFromParams, filterToParams, type FilterState } from '../core/facets.ts';
import type { FilterSink, Session } from './session.ts';

/** The URL parameter that opens the built-in demo. */
export const DEMO_PARAM = 'demo';

/** Writes filter changes into the address bar: readable parameters, back and forward work. */
export const writeFilterToUrl: FilterSink = (filter: FilterState, how) => {
  const params = filterToParams(filter);
  const current = new URLSearchParams(window.location.search);
  const search = [current.has(DEMO_PARAM) ? DEMO_PARAM : '', params.toString()]
    .filter((part) => part !== '')
    .join('&');
  const url = `${window.location.pathname}${search === '' ? '' : `?${search}`}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (how === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
};

/**
 * Reads the filter in the URL into the session now and on every back or forward, and opens the
 * demo when the URL asks for it. Returns the function that unbinds.
 */
export function bindUrl(session: Session): () => void {
  const read = () => {
    const params = new URLSearchParams(window.location.search);
    session.store.set({ filter: filterFromParams(params) });
  };
  read();
  if (new URLSearchParams(window.location.search).has(DEMO_PARAM)) void session.openDemo();
  window.addEventListener('popstate', read);
  return () => window.removeEventListener('popstate', read);
}
