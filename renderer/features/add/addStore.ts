import { create } from 'zustand';
import type { CallError } from '../../../shared/contract';
import type { EntryKind } from '../../../shared/entry';
import { api, toCallError } from '../../api/client';
import { cleanPath } from '../../format/path';
import { navigate } from '../../app/navigation';
import { useDiscoverStore } from '../discover/discoverStore';
import { planAddDrop, type DroppedItem } from '../files/dropPlan';
import { readCopy } from '../files/readCopy';
import { draftFromCopy, draftFromPreview, fieldsToCreate, type FileEntryDraft } from './fileEntryState';

/** The two ways to start: a blank entry with a name, or from a file Fieldbook reads first. */
export type AddMode = 'blank' | 'file';

interface AddStore {
  open: boolean;
  mode: AddMode;
  busy: boolean;
  error: CallError | null;
  /** From a file: the path as typed. */
  path: string;
  /** From a file: true while Fieldbook reads it. */
  reading: boolean;
  /** From a file: what was found and suggested, once read. */
  draft: FileEntryDraft | null;
  /** What happened to something dropped or picked, when that needs saying. */
  dropNote: { message: string; offerFindTools: boolean } | null;
  show(): void;
  hide(): void;
  setMode(mode: AddMode): void;
  setPath(path: string): void;
  /** Reads the file (read only) and prefills the new entry from it. */
  readFile(): Promise<void>;
  /**
   * A file or folder dropped or picked: a file is read (from where it lives, or from a copy where
   * that cannot be known); a folder with a known path starts Find tools on it.
   */
  readDropped(items: DroppedItem[]): Promise<void>;
  editDraft(change: (draft: FileEntryDraft) => FileEntryDraft): void;
  /** Creates the entry and returns its id, or null when that did not work (the error is shown). */
  create(name: string, kind: EntryKind): Promise<string | null>;
  /** Creates the entry from the file with what she confirmed, and reads the file for it. */
  createFromFile(): Promise<string | null>;
}

const CLOSED = { open: false, busy: false, error: null, mode: 'blank', path: '', reading: false, draft: null, dropNote: null } as const;

export const useAddStore = create<AddStore>()((set, get) => ({
  ...CLOSED,
  show() {
    set({ ...CLOSED, open: true });
  },
  hide() {
    set({ ...CLOSED });
  },
  setMode(mode) {
    set({ mode, error: null });
  },
  setPath(path) {
    // A different path: what was read belongs to the old one.
    set((state) => ({ path, dropNote: null, draft: state.draft && cleanPath(path) === state.draft.path ? state.draft : null }));
  },
  async readFile() {
    const path = cleanPath(get().path);
    if (path === '' || get().reading) return;
    set({ path, reading: true, error: null, draft: null });
    try {
      const [preview] = await api.call('files.preview', { paths: [path] });
      if (!get().open || get().path !== path) return;
      set({ reading: false, draft: preview ? draftFromPreview(preview) : null });
    } catch (error) {
      if (get().open) set({ reading: false, error: toCallError(error) });
    }
  },
  async readDropped(items) {
    if (get().reading) return;
    const plan = planAddDrop(items);
    if (plan.action === 'explain') {
      set({ dropNote: { message: plan.message, offerFindTools: plan.offerFindTools } });
      return;
    }
    const note = plan.note ? { message: plan.note, offerFindTools: false } : null;
    if (plan.action === 'find-tools') {
      set({ ...CLOSED });
      navigate({ view: 'discover' });
      const discover = useDiscoverStore.getState();
      discover.setFolder(plan.folder);
      await discover.start();
      return;
    }
    if (plan.action === 'read-path') {
      set({ path: plan.path, dropNote: note });
      await get().readFile();
      return;
    }
    const { item } = plan;
    set({ path: '', reading: true, error: null, draft: null, dropNote: note });
    try {
      const preview = await readCopy(item.file!);
      // Typing a path meanwhile means she chose another way: that one wins.
      if (!get().open || get().path !== '') return;
      set({ reading: false, draft: draftFromCopy(preview, item.name) });
    } catch (error) {
      if (get().open) set({ reading: false, error: toCallError(error) });
    }
  },
  editDraft(change) {
    set((state) => (state.draft ? { draft: change(state.draft) } : {}));
  },
  async create(name, kind) {
    set({ busy: true, error: null });
    try {
      const entry = await api.call('entries.create', { fields: { name: name.trim(), kind } });
      set({ open: false, busy: false });
      return entry.id;
    } catch (error) {
      set({ busy: false, error: toCallError(error) });
      return null;
    }
  },
  async createFromFile() {
    const draft = get().draft;
    if (!draft || draft.problem) return null;
    set({ busy: true, error: null });
    let id: string;
    try {
      id = (await api.call('entries.create', { fields: fieldsToCreate(draft) })).id;
    } catch (error) {
      set({ busy: false, error: toCallError(error) });
      return null;
    }
    // The entry exists now; what is found in the file is stored with it (it shows on the entry either way).
    await api.call('files.refresh', { id, force: false }).catch(() => undefined);
    set({ ...CLOSED });
    return id;
  },
}));
