/** The parts of an entry that have their own address, so a link can open one directly. */
export const ENTRY_TABS = ['details', 'guidelines', 'sharing', 'history'] as const;
export type EntryTab = (typeof ENTRY_TABS)[number];

/** The places in the app, as they appear after the # in the address. */
export type Route =
  | { view: 'home' }
  | { view: 'list' }
  | { view: 'entry'; id: string; tab?: Exclude<EntryTab, 'details'> }
  | { view: 'guidelines' }
  | { view: 'sharing' }
  | { view: 'discover' }
  | { view: 'export' }
  | { view: 'settings' }
  | { view: 'missing'; path: string };

/** Reads a location hash such as "#/entries/<id>" into a route. Unknown paths stay visible as "missing". */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '') return { view: 'home' };
  if (path === '/entries') return { view: 'list' };
  if (path === '/guidelines') return { view: 'guidelines' };
  if (path === '/sharing') return { view: 'sharing' };
  if (path === '/discover') return { view: 'discover' };
  if (path === '/export') return { view: 'export' };
  if (path === '/settings') return { view: 'settings' };
  const entry = /^\/entries\/([0-9a-fA-F-]{36})(?:\/(guidelines|sharing|history))?$/.exec(path);
  if (entry?.[1]) {
    const id = entry[1].toLowerCase();
    const tab = entry[2] as Exclude<EntryTab, 'details'> | undefined;
    return tab ? { view: 'entry', id, tab } : { view: 'entry', id };
  }
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
      return route.tab ? `#/entries/${route.id}/${route.tab}` : `#/entries/${route.id}`;
    case 'guidelines':
      return '#/guidelines';
    case 'sharing':
      return '#/sharing';
    case 'discover':
      return '#/discover';
    case 'export':
      return '#/export';
    case 'settings':
      return '#/settings';
    case 'missing':
      return `#${route.path}`;
  }
}

/** The route of one tab of an entry (Details has the entry's plain address). */
export function entryTabRoute(id: string, tab: EntryTab): Route {
  return tab === 'details' ? { view: 'entry', id } : { view: 'entry', id, tab };
}
