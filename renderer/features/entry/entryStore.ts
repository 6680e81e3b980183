import { create } from 'zustand';
import type { CallError, EntryRef, HistoryItem } from '../../../shared/contract';
import type { EntryFieldName, EntryFields } from '../../../shared/entry';
import { api, toCallError } from '../../api/client';
import {
  applyEdit,
  beginSave,
  clearFailures,
  diffPending,
  hasChanges,
  markFailed,
  markRefused,
  markSaved,
  reasonsFromMessage,
  rebase,
  startEditing,
  type EntryEditState,
} from './entryState';

/** Autosave waits this long after the last keystroke. */
export const SAVE_DEBOUNCE_MS = 400;

interface HistoryState {
  items: HistoryItem[] | null;
  error: CallError | null;
}

interface EntryStore {
  openId: string | null;
  loadError: CallError | null;
  edit: EntryEditState | null;
  inferredDependsOn: EntryRef[];
  inferredFeeds: EntryRef[];
  /** Names of linked entries, from the store and from what the user picked. */
  linkNames: Record<string, string>;
  /** Set when a new entry was just created, so the form can put the cursor in the name. */
  focusNameOnOpen: boolean;
  history: HistoryState;
  /** A delete that did not go through. */
  actionError: CallError | null;
  open(id: string, options?: { focusName?: boolean }): Promise<void>;
  close(): Promise<void>;
  change<F extends EntryFieldName>(field: F, value: EntryFields[F]): void;
  flush(): Promise<void>;
  retry(): Promise<void>;
  remove(): Promise<{ id: string; name: string } | null>;
  rememberLinkName(id: string, name: string): void;
  nameFocused(): void;
  loadHistory(): Promise<void>;
  entriesChanged(): void;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> | null = null;
/** Typed values the store refused when their entry was closed, kept so coming back shows them again. */
const leftovers = new Map<string, Partial<EntryFields>>();

export const useEntryStore = create<EntryStore>()((set, get) => {
  const setEdit = (transition: (edit: EntryEditState) => EntryEditState) =>
    set((store) => (store.edit ? { edit: transition(store.edit) } : {}));

  function scheduleSave(): void {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveNow(), SAVE_DEBOUNCE_MS);
  }

  /** Sends what is pending, once. Returns when that save (or the one already running) is done. */
  function saveNow(): Promise<void> {
    clearTimeout(saveTimer);
    if (saving) return saving;
    const edit = get().edit;
    if (!edit) return Promise.resolve();
    const patch = diffPending(edit);
    if (!hasChanges(patch)) return Promise.resolve();
    const id = edit.id;
    setEdit((state) => beginSave(state, patch));
    saving = (async () => {
      try {
        const entry = await api.call('entries.update', { id, changes: patch }, { inline: true });
        if (get().edit?.id === id) setEdit((state) => markSaved(state, patch, entry));
      } catch (error) {
        if (get().edit?.id !== id) return;
        const callError = toCallError(error);
        if (callError.code === 'invalid_input') {
          let reasons = reasonsFromMessage(callError.message, patch);
          const fields = Object.keys(patch) as EntryFieldName[];
          if (Object.keys(reasons).length === 0 && fields.length === 1 && fields[0]) {
            reasons = { [fields[0]]: callError.message };
          }
          if (Object.keys(reasons).length > 0) {
            setEdit((state) => markRefused(state, patch, reasons));
            return;
          }
        }
        setEdit((state) => markFailed(state, callError));
      } finally {
        saving = null;
      }
    })();
    const done = saving;
    // Typing that happened during the save, or fields sent alongside a refused one, go next.
    void done.then(() => {
      const current = get().edit;
      if (current && current.id === id && current.saveError === null && hasChanges(diffPending(current))) {
        scheduleSave();
      }
    });
    return done;
  }

  /** Saves until nothing is pending or a save fails (so a failure cannot loop). */
  async function flush(): Promise<void> {
    clearTimeout(saveTimer);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (saving) await saving;
      const edit = get().edit;
      if (!edit || edit.saveError !== null || !hasChanges(diffPending(edit))) return;
      await saveNow();
    }
  }

  async function refresh(): Promise<void> {
    const id = get().openId;
    if (!id) return;
    try {
      const detail = await api.call('entries.get', { id });
      if (get().openId !== id) return;
      set((store) => ({
        inferredDependsOn: detail.inferredDependsOn,
        inferredFeeds: detail.inferredFeeds,
        linkNames: { ...store.linkNames, ...detail.linkedNames },
        edit: store.edit && store.edit.inFlight === null ? rebase(store.edit, detail.entry) : store.edit,
      }));
      if (get().history.items !== null) await get().loadHistory();
    } catch {
      // The entry may just have been deleted; the view shows that when it reloads.
    }
  }

  return {
    openId: null,
    loadError: null,
    edit: null,
    inferredDependsOn: [],
    inferredFeeds: [],
    linkNames: {},
    focusNameOnOpen: false,
    history: { items: null, error: null },
    actionError: null,

    async open(id, options = {}) {
      // Already open, or opening (the New entry dialog opens it before the view mounts).
      if (get().openId === id && get().loadError === null) {
        if (options.focusName) set({ focusNameOnOpen: true });
        return;
      }
      await get().close();
      set({
        openId: id,
        loadError: null,
        edit: null,
        inferredDependsOn: [],
        inferredFeeds: [],
        linkNames: {},
        history: { items: null, error: null },
        actionError: null,
        focusNameOnOpen: options.focusName ?? false,
      });
      try {
        const detail = await api.call('entries.get', { id });
        if (get().openId !== id) return;
        let edit = startEditing(detail.entry);
        const unsaved = leftovers.get(id);
        if (unsaved) {
          leftovers.delete(id);
          for (const [field, value] of Object.entries(unsaved) as [EntryFieldName, never][]) {
            edit = applyEdit(edit, field, value);
          }
        }
        set({
          edit,
          inferredDependsOn: detail.inferredDependsOn,
          inferredFeeds: detail.inferredFeeds,
          linkNames: detail.linkedNames,
        });
        if (unsaved) scheduleSave();
      } catch (error) {
        if (get().openId === id) set({ loadError: toCallError(error) });
      }
    },

    async close() {
      const edit = get().edit;
      if (!edit) {
        set({ openId: null, loadError: null });
        return;
      }
      await flush();
      const after = get().edit;
      if (after && after.id === edit.id) {
        const unsaved = diffPending(after, { includeRefused: true });
        if (hasChanges(unsaved)) leftovers.set(after.id, unsaved);
      }
      if (get().openId === edit.id) set({ openId: null, edit: null, loadError: null });
    },

    change(field, value) {
      setEdit((state) => applyEdit(state, field, value));
      scheduleSave();
    },

    flush,

    async retry() {
      setEdit(clearFailures);
      await flush();
    },

    async remove() {
      const edit = get().edit;
      if (!edit) return null;
      await flush();
      set({ actionError: null });
      try {
        const deleted = await api.call('entries.delete', { id: edit.id });
        leftovers.delete(edit.id);
        set({ openId: null, edit: null });
        return deleted;
      } catch (error) {
        set({ actionError: toCallError(error) });
        return null;
      }
    },

    rememberLinkName(id, name) {
      set((store) => ({ linkNames: { ...store.linkNames, [id]: name } }));
    },

    nameFocused() {
      set({ focusNameOnOpen: false });
    },

    async loadHistory() {
      const id = get().openId;
      if (!id) return;
      try {
        const items = await api.call('entries.history', { id });
        if (get().openId === id) set({ history: { items, error: null } });
      } catch (error) {
        if (get().openId === id) set((store) => ({ history: { items: store.history.items, error: toCallError(error) } }));
      }
    },

    entriesChanged() {
      if (!get().openId) return;
      // Several events in a row (autosave while typing) cause one refresh.
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refresh(), 150);
    },
  };
});
