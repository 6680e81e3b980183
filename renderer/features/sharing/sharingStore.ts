import { create } from 'zustand';
import type { CallError } from '../../../shared/contract';
import type { SharingOverview, SyncStatus } from '../../../shared/sharingContract';
import { api, toCallError } from '../../api/client';
import type { ConnectForm } from './sharingState';

type SharingAction = 'connect' | 'disconnect' | 'retry';

interface SharingStore {
  overview: SharingOverview | null;
  loadError: CallError | null;
  /** True when sharing changed since the overview was fetched. */
  stale: boolean;
  busy: SharingAction | null;
  /** An action that did not go through, shown next to where it was asked for. */
  actionError: { action: SharingAction; error: CallError } | null;
  load(): Promise<void>;
  connect(form: ConnectForm): Promise<boolean>;
  disconnect(): Promise<boolean>;
  retry(): Promise<void>;
  /** The 'sharing.changed' event: the status is shown at once, the rest is fetched again. */
  changed(status: SyncStatus): void;
}

let loading: Promise<void> | null = null;
let loadAgain = false;

/** The hub connection, what is shared, IT's comments and packs: the Sharing screen and Home's line. */
export const useSharingStore = create<SharingStore>()((set, get) => ({
  overview: null,
  loadError: null,
  stale: true,
  busy: null,
  actionError: null,

  load() {
    // Events come in bursts (sending, then confirmed): one request at a time, and one more after it.
    if (loading) {
      loadAgain = true;
      return loading;
    }
    set({ stale: false });
    loading = (async () => {
      try {
        set({ overview: await api.call('sharing.overview', {}), loadError: null });
      } catch (error) {
        set({ loadError: toCallError(error) });
      } finally {
        loading = null;
        if (loadAgain) {
          loadAgain = false;
          void get().load();
        }
      }
    })();
    return loading;
  },

  async connect(form) {
    set({ busy: 'connect', actionError: null });
    try {
      const overview = await api.call('sharing.connect', form);
      set({ overview, busy: null, stale: false });
      return true;
    } catch (error) {
      set({ busy: null, actionError: { action: 'connect', error: toCallError(error) } });
      return false;
    }
  },

  async disconnect() {
    set({ busy: 'disconnect', actionError: null });
    try {
      set({ overview: await api.call('sharing.disconnect', {}), busy: null, stale: false });
      return true;
    } catch (error) {
      set({ busy: null, actionError: { action: 'disconnect', error: toCallError(error) } });
      return false;
    }
  },

  async retry() {
    set({ busy: 'retry', actionError: null });
    try {
      set({ overview: await api.call('sharing.retry', {}), busy: null });
    } catch (error) {
      set({ busy: null, actionError: { action: 'retry', error: toCallError(error) } });
    }
  },

  changed(status) {
    set((state) => ({ stale: true, overview: state.overview ? { ...state.overview, status } : null }));
  },
}));
