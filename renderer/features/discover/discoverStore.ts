import { create } from 'zustand';
import type { DiscoveryStatus } from '../../../shared/contract';
import { api, toCallError } from '../../api/client';
import { cleanPath } from '../../format/path';
import {
  candidateAdded,
  entryFieldsFor,
  hasEnded,
  initialDiscoverState,
  isRunning,
  pickedCandidates,
  progressReceived,
  resultsReceived,
  scanStarted,
  selectAll,
  selectNone,
  toggleCandidate,
  type DiscoverState,
} from './discoverState';

/** Without news from the scan for this long, ask how it is going (an event may have been missed). */
const QUIET_CHECK_MS = 2_000;

interface DiscoverStore extends DiscoverState {
  setFolder(folder: string): void;
  /** Starts looking through the folder. Returns false when it could not start (the error is shown). */
  start(): Promise<boolean>;
  /** The desktop app's folder dialog; a chosen folder is looked through at once. */
  chooseFolder(): Promise<void>;
  cancel(): Promise<void>;
  /** A `discover.progress` event. */
  progress(status: DiscoveryStatus): void;
  toggle(path: string): void;
  selectAll(): void;
  selectNone(): void;
  /** Turns the picked tools into entries (and reads their files). Returns how many were added. */
  add(): Promise<number>;
}

let quietTimer: ReturnType<typeof setInterval> | undefined;
let lastNews = 0;
/** Progress that arrived before discover.start answered (the scan may even have ended by then). */
const early = new Map<string, DiscoveryStatus>();

export const useDiscoverStore = create<DiscoverStore>()((set, get) => {
  function stopWatching(): void {
    clearInterval(quietTimer);
    quietTimer = undefined;
  }

  async function fetchResults(scanId: string): Promise<void> {
    stopWatching();
    try {
      const { status, candidates } = await api.call('discover.results', { scanId });
      set((state) => resultsReceived(state, status, candidates));
    } catch (error) {
      if (get().status?.scanId === scanId) set({ phase: 'finished', error: toCallError(error), candidates: null });
    }
  }

  function received(status: DiscoveryStatus): void {
    lastNews = Date.now();
    const before = get();
    if (before.status?.scanId !== status.scanId) return;
    const wasFinishing = before.phase === 'finishing';
    set((state) => progressReceived(state, status, Date.now()));
    if (!wasFinishing && get().phase === 'finishing') void fetchResults(status.scanId);
  }

  /** A safety net for missed events: asks how the scan is going when it has been quiet. */
  function watch(scanId: string): void {
    stopWatching();
    quietTimer = setInterval(() => {
      if (get().status?.scanId !== scanId || !isRunning(get().phase)) return stopWatching();
      if (Date.now() - lastNews < QUIET_CHECK_MS) return;
      lastNews = Date.now();
      api.call('discover.results', { scanId }).then(
        ({ status }) => received(status),
        () => undefined,
      );
    }, QUIET_CHECK_MS);
  }

  return {
    ...initialDiscoverState(),

    setFolder(folder) {
      set({ folder });
    },

    async start() {
      const folder = cleanPath(get().folder);
      if (isRunning(get().phase)) return false;
      set({ phase: 'starting', error: null, folder });
      try {
        const started = await api.call('discover.start', { folder });
        const status = early.get(started.scanId) ?? started;
        early.clear();
        lastNews = Date.now();
        set((state) => scanStarted(state, status, Date.now()));
        if (hasEnded(status)) void fetchResults(status.scanId);
        else watch(status.scanId);
        return true;
      } catch (error) {
        set({ phase: get().candidates ? 'finished' : 'idle', error: toCallError(error) });
        return false;
      }
    },

    async chooseFolder() {
      if (isRunning(get().phase)) return;
      try {
        const { folder } = await api.call('files.chooseFolder', {});
        if (folder === null) return;
        set({ folder });
        await get().start();
      } catch (error) {
        set({ error: toCallError(error) });
      }
    },

    async cancel() {
      const status = get().status;
      if (!status || get().phase !== 'scanning') return;
      set({ phase: 'cancelling' });
      try {
        received(await api.call('discover.cancel', { scanId: status.scanId }));
      } catch (error) {
        set({ phase: 'scanning', error: toCallError(error) });
      }
    },

    progress(status) {
      if (get().phase === 'starting' && get().status?.scanId !== status.scanId) {
        early.set(status.scanId, status);
        return;
      }
      received(status);
    },

    toggle(path) {
      set((state) => toggleCandidate(state, path));
    },
    selectAll() {
      set((state) => selectAll(state));
    },
    selectNone() {
      set((state) => selectNone(state));
    },

    async add() {
      const picked = pickedCandidates(get());
      if (picked.length === 0 || get().adding) return 0;
      set({ adding: { done: 0, total: picked.length }, addError: null });
      let added = 0;
      for (const candidate of picked) {
        try {
          const entry = await api.call('entries.create', { fields: entryFieldsFor(candidate) });
          set((state) => candidateAdded(state, candidate.path, entry.id));
          added += 1;
          // What was found in the file goes with the entry, so its guidelines can answer.
          await api.call('files.refresh', { id: entry.id, force: false }).catch(() => undefined);
        } catch (error) {
          set({ addError: toCallError(error) });
          break;
        }
      }
      set({ adding: null });
      return added;
    },
  };
});
