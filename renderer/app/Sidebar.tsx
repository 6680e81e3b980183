import { Icon, type IconName } from '../components/Icon';
import { useAddStore } from '../features/add/addStore';
import { routeHref, type Route } from './route';
import { isMac } from './shortcuts';

interface NavItem {
  route: Route;
  label: string;
  icon: IconName;
  /** Views that count as "inside" this item (an entry is inside the Fieldbook). */
  active: Route['view'][];
}

const NAV: NavItem[] = [
  { route: { view: 'home' }, label: 'Home', icon: 'home', active: ['home'] },
  { route: { view: 'list' }, label: 'Fieldbook', icon: 'list', active: ['list', 'entry'] },
  { route: { view: 'discover' }, label: 'Find tools', icon: 'folder', active: ['discover'] },
  { route: { view: 'guidelines' }, label: 'Guidelines', icon: 'guidelines', active: ['guidelines'] },
  { route: { view: 'sharing' }, label: 'Sharing', icon: 'share', active: ['sharing'] },
  { route: { view: 'export' }, label: 'Export', icon: 'file', active: ['export'] },
];
const SETTINGS: NavItem = { route: { view: 'settings' }, label: 'Settings', icon: 'settings', active: ['settings'] };

function NavLink({ item, current }: { item: NavItem; current: Route }) {
  const isCurrent = item.route.view === current.view;
  const isInside = item.active.includes(current.view);
  return (
    <a
      className={isInside ? 'nav-link is-active' : 'nav-link'}
      href={routeHref(item.route)}
      aria-current={isCurrent ? 'page' : undefined}
    >
      <Icon name={item.icon} />
      {item.label}
    </a>
  );
}

/** The left column: the app's name, the new-entry button and the places. */
export function Sidebar({ route }: { route: Route }) {
  const showAdd = useAddStore((store) => store.show);
  const shortcut = isMac() ? '⌘N' : 'Ctrl+N';
  return (
    <header className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="book" />
        </span>
        <span className="brand-name">Fieldbook</span>
      </div>
      <button
        type="button"
        className="button button-primary new-entry"
        onClick={showAdd}
        title={`New entry (${shortcut})`}
        aria-keyshortcuts="Control+N Meta+N"
      >
        <Icon name="plus" />
        New entry
        <kbd className="kbd-hint" aria-hidden="true">
          {shortcut}
        </kbd>
      </button>
      <nav className="nav" aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.label}>
              <NavLink item={item} current={route} />
            </li>
          ))}
        </ul>
        <ul className="nav-bottom">
          <li>
            <NavLink item={SETTINGS} current={route} />
          </li>
        </ul>
      </nav>
    </header>
  );
}
