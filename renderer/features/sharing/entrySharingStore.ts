import { create } from 'zustand';
import type { CallError } from '../../../shared/contract';
import type { PrivatePart } from '../../../shared/sharing';
import type { EntrySharing, SharePreview } from '../../../shared/sharingContract';
import { api, toCallError } from '../../api/client';
import { useEntryStore } from '../entry/entryStore';
import { initialPrivateParts, setPrivatePart } from './sharingState';

/** What the entry's Sharing tab is showing: its state, a preview to send, changes to review, or the withdraw question. */
export type SharingPanelMode = 'idle' | 'share' | 'review' | 'withdraw';

interface EntrySharingStore {
  entryId: string | null;
  sharing: EntrySharing | null;
  loadError: CallError | null;
  mode: SharingPanelMode;
  preview: SharePreview | null;
  previewLoading: boolean;
  previewError: CallError | null;
  /** The entry changed since the preview was made: Send waits until she looks again. */
  previewOutdated: boolean;
  privateParts: PrivatePart[];
  autoShare: boolean;
  busy: 'send' | 'withdraw' | 'auto' | null;
  actionError: CallError | null;
  /** What the last action did, in words (read out by screen readers). */
  announcement: string | null;
  open(entryId: string): Promise<void>;
  close(): void;
  load(): Promise<void>;
  startShare(): Promise<void>;
  startReview(): Promise<void>;
  cancel(): void;
  setPrivate(part: PrivatePart, keepPrivate: boolean): Promise<void>;
  setAutoShareChoice(autoShare: boolean): void;
  refreshPreview(): Promise<void>;
  send(): Promise<boolean>;
  askWithdraw(): void;
  withdraw(): Promise<boolean>;
  setAutoShare(autoShare: boolean): Promise<void>;
  /** 'sharing.changed' named these entries. */
  changed(ids: readonly string[]): void;
  /** The entry or its findings changed: an open preview may no longer be what would be sent. */
  entryEdited(ids?: readonly string[]): void;
}

/** Only the newest preview request's answer is kept. */
let previewRequest = 0;

export const useEntrySharingStore = create<EntrySharingStore>()((set, get) => {
  async function fetchPreview(): Promise<void> {
    const { entryId, privateParts } = get();
    if (!entryId) return;
    const request = ++previewRequest;
    set({ previewLoading: true, previewError: null });
    try {
      // What is still being typed is saved first, so the preview shows the entry as it is on screen.
      await useEntryStore.getState().flush();
      const preview = await api.call('sharing.preview', { id: entryId, privateParts });
      if (request === previewRequest && get().entryId === entryId) set({ preview, previewLoading: false, previewOutdated: false });
    } catch (error) {
      if (request === previewRequest) set({ previewLoading: false, previewError: toCallError(error) });
    }
  }

  async function startPreview(mode: 'share' | 'review'): Promise<void> {
    const sharing = get().sharing;
    set({ mode, preview: null, privateParts: initialPrivateParts(sharing), autoShare: sharing?.autoShare ?? false, actionError: null, announcement: null });
    await fetchPreview();
  }

  return {
    entryId: null,
    sharing: null,
    loadError: null,
    mode: 'idle',
    preview: null,
    previewLoading: false,
    previewError: null,
    previewOutdated: false,
    privateParts: [],
    autoShare: false,
    busy: null,
    actionError: null,
    announcement: null,

    async open(entryId) {
      if (get().entryId === entryId && get().sharing !== null) return;
      previewRequest += 1;
      set({ entryId, sharing: null, loadError: null, mode: 'idle', preview: null, previewError: null, previewOutdated: false, actionError: null, announcement: null });
      await get().load();
    },

    close() {
      previewRequest += 1;
      set({ entryId: null, sharing: null, loadError: null, mode: 'idle', preview: null, previewError: null, actionError: null, announcement: null });
    },

    async load() {
      const entryId = get().entryId;
      if (!entryId) return;
      try {
        const sharing = await api.call('sharing.entry', { id: entryId });
        if (get().entryId === entryId) set({ sharing, loadError: null });
      } catch (error) {
        if (get().entryId === entryId) set({ loadError: toCallError(error) });
      }
    },

    startShare: () => startPreview('share'),
    startReview: () => startPreview('review'),

    cancel() {
      previewRequest += 1;
      set({ mode: 'idle', preview: null, previewError: null, previewLoading: false, previewOutdated: false, actionError: null });
    },

    async setPrivate(part, keepPrivate) {
      set({ privateParts: setPrivatePart(get().privateParts, part, keepPrivate) });
      await fetchPreview();
    },

    setAutoShareChoice(autoShare) {
      set({ autoShare });
    },

    refreshPreview: fetchPreview,

    async send() {
      const { entryId, preview, privateParts, autoShare } = get();
      if (!entryId || !preview) return false;
      set({ busy: 'send', actionError: null });
      try {
        const sharing = await api.call('sharing.share', { id: entryId, privateParts, digest: preview.digest, autoShare });
        if (get().entryId !== entryId) return true;
        set({ sharing, busy: null, mode: 'idle', preview: null, announcement: 'Shared. It goes to IT’s hub now, or as soon as the hub can be reached.' });
        return true;
      } catch (error) {
        set({ busy: null, actionError: toCallError(error) });
        // Refused because the entry changed after the preview? Then Send waits until she looks again.
        get().entryEdited();
        return false;
      }
    },

    askWithdraw() {
      set({ mode: 'withdraw', actionError: null, announcement: null });
    },

    async withdraw() {
      const entryId = get().entryId;
      if (!entryId) return false;
      set({ busy: 'withdraw', actionError: null });
      try {
        const sharing = await api.call('sharing.withdraw', { id: entryId });
        if (get().entryId !== entryId) return true;
        set({ sharing, busy: null, mode: 'idle', announcement: 'Withdrawn. IT’s hub deletes what you shared and keeps only the fact that it was withdrawn.' });
        return true;
      } catch (error) {
        set({ busy: null, actionError: toCallError(error) });
        return false;
      }
    },

    async setAutoShare(autoShare) {
      const entryId = get().entryId;
      if (!entryId) return;
      set({ busy: 'auto', actionError: null });
      try {
        const sharing = await api.call('sharing.setAutoShare', { id: entryId, autoShare });
        if (get().entryId !== entryId) return;
        set({
          sharing,
          busy: null,
          announcement: autoShare ? 'Changes to this entry are now shared automatically.' : 'Changes to this entry now wait for your review.',
        });
      } catch (error) {
        set({ busy: null, actionError: toCallError(error) });
      }
    },

    changed(ids) {
      const entryId = get().entryId;
      if (entryId && ids.includes(entryId)) void get().load();
    },

    entryEdited(ids) {
      const { entryId, preview } = get();
      if (!entryId || (ids && !ids.includes(entryId))) return;
      if (!preview) return;
      // Outdated only if what would be sent now really differs (an event can trail the preview it caused).
      void (async () => {
        try {
          const now = await api.call('sharing.preview', { id: entryId, privateParts: get().privateParts });
          const current = get().preview;
          if (get().entryId === entryId && current && now.digest !== current.digest && now.privateParts.join() === current.privateParts.join()) {
            set({ previewOutdated: true });
          }
        } catch {
          // The next preview or send says what is wrong.
        }
      })();
    },
  };
});
