import { useEffect, useRef } from 'react';
import { api } from '../api/client';
import { NewEntryDialog } from '../features/add/NewEntryDialog';
import { EntryView } from '../features/entry/EntryView';
import { useEntryStore } from '../features/entry/entryStore';
import { DiscoverView } from '../features/discover/DiscoverView';
import { useDiscoverStore } from '../features/discover/discoverStore';
import { useFilesStore } from '../features/files/filesStore';
import { ExportView } from '../features/export/ExportView';
import { useFindingsStore } from '../features/findings/findingsStore';
import { GuidelinesView } from '../features/guidelines/GuidelinesView';
import { useGuidelinesStore } from '../features/guidelines/guidelinesStore';
import { HomeView } from '../features/home/HomeView';
import { useHomeStore } from '../features/home/homeStore';
import { ListView } from '../features/list/ListView';
import { useListStore } from '../features/list/listStore';
import { SettingsView } from '../features/settings/SettingsView';
import { themeAttribute } from '../features/settings/settingsState';
import { useSettingsStore } from '../features/settings/settingsStore';
import { useEntrySharingStore } from '../features/sharing/entrySharingStore';
import { SharingView } from '../features/sharing/SharingView';
import { useSharingStore } from '../features/sharing/sharingStore';
import { useTagsStore } from '../features/tags/tagsStore';
import { Toasts } from '../features/toasts/Toasts';
import { useAppStore } from './appStore';
import { useRoute } from './navigation';
import { routeHref, type Route } from './route';
import { Sidebar } from './Sidebar';
import { StoreProblemPage } from './StoreProblemPage';
import { useGlobalShortcuts } from './useGlobalShortcuts';

function MissingView({ path }: { path: string }) {
  return (
    <div className="view view-narrow">
      <h1>There is nothing at this address</h1>
      <p className="muted">
        “{path}” is not a place in Fieldbook. <a href={routeHref({ view: 'home' })}>Go to Home</a>
      </p>
    </div>
  );
}

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'home':
      return <HomeView />;
    case 'list':
      return <ListView />;
    case 'entry':
      return <EntryView key={route.id} id={route.id} tab={route.tab} />;
    case 'guidelines':
      return <GuidelinesView />;
    case 'sharing':
      return <SharingView />;
    case 'discover':
      return <DiscoverView />;
    case 'export':
      return <ExportView />;
    case 'settings':
      return <SettingsView />;
    case 'missing':
      return <MissingView path={route.path} />;
  }
}

/** Keeps every feature's data in step with changes made anywhere (this window, another one, the CLI). */
function useLiveUpdates(): void {
  useEffect(() => {
    const stopEntries = api.on('entries.changed', ({ ids }) => {
      useListStore.getState().entriesChanged();
      useHomeStore.getState().entriesChanged();
      useTagsStore.getState().entriesChanged();
      useEntryStore.getState().entriesChanged();
      useFindingsStore.getState().changed(ids);
      useEntrySharingStore.getState().entryEdited(ids);
    });
    // Set aside or taken back (here or in another window): the open entry and Home catch up.
    // Also when a file's facts changed (read again here, or noticed changing on disk).
    const stopFindings = api.on('findings.changed', ({ ids }) => {
      useFindingsStore.getState().changed(ids);
      useFilesStore.getState().changed(ids);
      useHomeStore.getState().entriesChanged();
      useEntrySharingStore.getState().entryEdited(ids);
    });
    // A pack imported or removed: every finding may change.
    const stopGuidelines = api.on('guidelines.changed', () => {
      useGuidelinesStore.getState().guidelinesChanged();
      useFindingsStore.getState().changed();
      useHomeStore.getState().entriesChanged();
    });
    const stopDiscovery = api.on('discover.progress', (status) => useDiscoverStore.getState().progress(status));
    const stopSettings = api.on('settings.changed', (settings) => useSettingsStore.getState().received(settings));
    // Shared, sent, withdrawn, a comment from IT, the hub reachable or not: the Sharing screen, Home and the open entry follow.
    const stopSharing = api.on('sharing.changed', ({ ids, status }) => {
      useSharingStore.getState().changed(status);
      useEntrySharingStore.getState().changed(ids);
    });
    // Closing or reloading the window: send what is still waiting.
    const flush = () => {
      void useEntryStore.getState().flush();
      void useSettingsStore.getState().flushProfile();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      stopEntries();
      stopFindings();
      stopGuidelines();
      stopSettings();
      stopSharing();
      stopDiscovery();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);
}

function useTheme(): void {
  const theme = useSettingsStore((store) => store.settings?.theme);
  useEffect(() => {
    if (theme === undefined) return;
    const value = themeAttribute(theme);
    if (value) document.documentElement.dataset.theme = value;
    else delete document.documentElement.dataset.theme;
  }, [theme]);
}

export function App() {
  const route = useRoute();
  const storeProblem = useAppStore((store) => store.storeProblem);
  const loadSettings = useSettingsStore((store) => store.load);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  useLiveUpdates();
  useGlobalShortcuts();
  useTheme();

  if (storeProblem) return <StoreProblemPage error={storeProblem} />;

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <Sidebar route={route} />
      <main ref={mainRef} id="main" className="main" tabIndex={-1}>
        <CurrentView route={route} />
      </main>
      <Toasts />
      <NewEntryDialog />
    </div>
  );
}
