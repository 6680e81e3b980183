/** The places in the app, as they appear after the # in the address. */
export type Route =
  | { view: 'home' }
  | { view: 'list' }
  | { view: 'entry'; id: string }
  | { view: 'settings' }
  | { view: 'missing'; path: string };

/** Reads a location hash such as "#/entries/<id>" into a route. Unknown paths stay visible as "missing". */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '') return { view: 'home' };
  if (path === '/entries') return { view: 'list' };
  if (path === '/settings') return { view: 'settings' };
  const entry = /^\/entries\/([0-9a-fA-F-]{36})$/.exec(path);
  if (entry?.[1]) return { view: 'entry', id: entry[1].toLowerCase() };
  return { view: 'missing', path };
}

/** The href for a route, usable in links: "#/entries". */
export function routeHref(route: Route): string {
  switch (route.view) {
    case 'home':
      return '#/';
    case 'list':
      return '#/entries';
    case 'entry':
      return `#/entries/${route.id}`;
    case 'settings':
      return '#/settings';
    case 'missing':
      return `#${route.path}`;
  }
}
