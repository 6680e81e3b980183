import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, routeHref, type Route } from './route';

let navigated = false;
window.addEventListener('hashchange', () => {
  navigated = true;
});

/** False until the first move to another view (so the first paint does not grab focus). */
export function hasNavigated(): boolean {
  return navigated;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route; re-renders on back/forward and on every navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (window.location.hash === href) return;
  if (options.replace) {
    window.location.replace(href);
  } else {
    window.location.hash = href;
  }
}

export function currentRoute(): Route {
  return parseRoute(window.location.hash);
}
