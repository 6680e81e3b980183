import { create } from 'zustand';
import type { CallError } from '../../../shared/contract';
import type { PackSummary, RuleInfo, TrustedPublisher } from '../../../shared/guidelines';
import { api, toCallError } from '../../api/client';

export interface PackImportRequest {
  text: string;
  signature: string | null;
  unsignedOwn: boolean;
}

interface GuidelinesStore {
  packs: PackSummary[] | null;
  rules: RuleInfo[] | null;
  loadError: CallError | null;
  /** True when the packs in force changed since they were fetched. */
  stale: boolean;
  /** The text in "Find a guideline". */
  query: string;
  importing: boolean;
  importError: CallError | null;
  imported: PackSummary | null;
  trustError: CallError | null;
  /** Publishers trusted in this window, newest first (shown as a confirmation). */
  trusted: { keyId: string; name: string }[];
  /** Every publisher the user trusts, with the packs signed with its key. */
  publishers: TrustedPublisher[] | null;
  publishersError: CallError | null;
  /** The key whose removal is on its way. */
  removingPublisher: string | null;
  removePublisherError: CallError | null;
  /** The pack whose removal is on its way. */
  removing: string | null;
  removeError: CallError | null;
  load(): Promise<void>;
  setQuery(query: string): void;
  importPack(request: PackImportRequest): Promise<boolean>;
  clearImportResult(): void;
  removePack(id: string): Promise<boolean>;
  trustPublisher(name: string, publicKey: string): Promise<boolean>;
  loadPublishers(): Promise<void>;
  /** Stops trusting a key; returns the ids of the packs removed with it, or null when it failed. */
  removePublisher(keyId: string): Promise<string[] | null>;
  guidelinesChanged(): void;
}

let loading: Promise<void> | null = null;
/** Only the newest load's answer is kept. */
let loadRequest = 0;

/** The packs in force and every guideline in them; also the why and how that findings show. */
export const useGuidelinesStore = create<GuidelinesStore>()((set, get) => ({
  packs: null,
  rules: null,
  loadError: null,
  stale: true,
  query: '',
  importing: false,
  importError: null,
  imported: null,
  trustError: null,
  trusted: [],
  publishers: null,
  publishersError: null,
  removingPublisher: null,
  removePublisherError: null,
  removing: null,
  removeError: null,

  load() {
    // The entry view and the Guidelines screen may both ask at once: one request serves both,
    // unless the packs changed since it was sent.
    if (loading && !get().stale) return loading;
    set({ stale: false });
    const request = ++loadRequest;
    loading = (async () => {
      try {
        const [packs, rules] = await Promise.all([api.call('guidelines.packs', {}), api.call('guidelines.rules', {})]);
        if (request === loadRequest) set({ packs, rules, loadError: null });
      } catch (error) {
        if (request === loadRequest) set({ loadError: toCallError(error) });
      } finally {
        if (request === loadRequest) loading = null;
      }
    })();
    return loading;
  },

  setQuery(query) {
    set({ query });
  },

  async importPack(request) {
    set({ importing: true, importError: null, imported: null });
    try {
      const imported = await api.call('guidelines.importPack', request);
      set({ importing: false, imported });
      await Promise.all([get().load(), get().loadPublishers()]);
      return true;
    } catch (error) {
      set({ importing: false, importError: toCallError(error) });
      return false;
    }
  },

  clearImportResult() {
    set({ importError: null, imported: null });
  },

  async removePack(id) {
    set({ removing: id, removeError: null });
    try {
      const packs = await api.call('guidelines.removePack', { id });
      set({ packs, removing: null, imported: get().imported?.id === id ? null : get().imported });
      await Promise.all([get().load(), get().loadPublishers()]);
      return true;
    } catch (error) {
      set({ removing: null, removeError: toCallError(error) });
      return false;
    }
  },

  async trustPublisher(name, publicKey) {
    set({ trustError: null });
    try {
      const added = await api.call('guidelines.trustPublisher', { name, publicKey });
      set((state) => ({ trusted: [added, ...state.trusted.filter((item) => item.keyId !== added.keyId)] }));
      await get().loadPublishers();
      return true;
    } catch (error) {
      set({ trustError: toCallError(error) });
      return false;
    }
  },

  async loadPublishers() {
    try {
      set({ publishers: await api.call('guidelines.trustedPublishers', {}), publishersError: null });
    } catch (error) {
      set({ publishersError: toCallError(error) });
    }
  },

  async removePublisher(keyId) {
    set({ removingPublisher: keyId, removePublisherError: null });
    try {
      const { publishers, removedPacks } = await api.call('guidelines.removePublisher', { keyId });
      set((state) => ({
        publishers,
        removingPublisher: null,
        trusted: state.trusted.filter((item) => item.keyId !== keyId),
        imported: state.imported && removedPacks.includes(state.imported.id) ? null : state.imported,
      }));
      if (removedPacks.length > 0) await get().load();
      return removedPacks;
    } catch (error) {
      set({ removingPublisher: null, removePublisherError: toCallError(error) });
      return null;
    }
  },

  guidelinesChanged() {
    set({ stale: true });
    // The packs in force changed (a pack may have arrived from the hub): so may what each publisher signs.
    if (get().publishers !== null) void get().loadPublishers();
  },
}));
