import { create } from 'zustand';
import type { CallError } from '../../../shared/contract';
import { api, toCallError } from '../../api/client';
import { dismissToast, initialToastState, latestUndo, pushToast, type Toast, type ToastState } from './toastState';

/** How long a toast stays; an Undo toast stays longer, so there is time to reach it. */
const INFO_MS = 5_000;
const UNDO_MS = 12_000;
const ERROR_MS = 12_000;

interface ToastStore extends ToastState {
  show(toast: Omit<Toast, 'id'>): number;
  showError(error: CallError): void;
  dismiss(id: number): void;
  /** Keeps a toast on screen while the pointer or focus is on it. */
  hold(id: number, held: boolean): void;
  entryDeleted(deleted: { id: string; name: string }): void;
  undo(toastId: number): Promise<void>;
  /** Ctrl/Cmd+Z: undoes the newest undoable toast, if there is one. Returns whether it did. */
  undoLatest(): boolean;
}

const timers = new Map<number, ReturnType<typeof setTimeout>>();
const durations = new Map<number, number>();

export const useToastStore = create<ToastStore>()((set, get) => {
  function startTimer(id: number): void {
    clearTimeout(timers.get(id));
    timers.set(id, setTimeout(() => get().dismiss(id), durations.get(id) ?? INFO_MS));
  }

  return {
    ...initialToastState(),
    show(toast) {
      const { state, id } = pushToast(get(), toast);
      set(state);
      durations.set(id, toast.undo ? UNDO_MS : toast.tone === 'error' ? ERROR_MS : INFO_MS);
      startTimer(id);
      return id;
    },
    showError(error) {
      get().show({ message: error.message, hint: error.hint, tone: 'error' });
    },
    dismiss(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
      durations.delete(id);
      set((state) => dismissToast(state, id));
    },
    hold(id, held) {
      if (held) clearTimeout(timers.get(id));
      else if (get().toasts.some((toast) => toast.id === id)) startTimer(id);
    },
    entryDeleted(deleted) {
      get().show({
        message: `Deleted “${deleted.name}”.`,
        tone: 'info',
        undo: { entryId: deleted.id, name: deleted.name },
      });
    },
    async undo(toastId) {
      const toast = get().toasts.find((item) => item.id === toastId);
      if (!toast?.undo) return;
      get().dismiss(toastId);
      try {
        await api.call('entries.restore', { id: toast.undo.entryId });
        get().show({ message: `“${toast.undo.name}” is back.`, tone: 'info' });
      } catch (error) {
        get().showError(toCallError(error));
      }
    },
    undoLatest() {
      const toast = latestUndo(get());
      if (!toast) return false;
      void get().undo(toast.id);
      return true;
    },
  };
});
