/** A short message at the bottom of the window, sometimes with a way to undo. */
export interface Toast {
  id: number;
  message: string;
  /** Plain words for what to do next, shown under the message (errors only). */
  hint?: string;
  tone: 'info' | 'error';
  /** Set on "Deleted …" toasts: the entry Undo brings back. */
  undo?: { entryId: string; name: string };
  /** A place to go next, e.g. "Open the fieldbook". */
  link?: { href: string; label: string };
}

export interface ToastState {
  toasts: Toast[];
  nextId: number;
}

/** At most this many toasts show at once; the oldest make room. */
export const MAX_TOASTS = 3;

export function initialToastState(): ToastState {
  return { toasts: [], nextId: 1 };
}

export function pushToast(state: ToastState, toast: Omit<Toast, 'id'>): { state: ToastState; id: number } {
  const id = state.nextId;
  const toasts = [...state.toasts, { ...toast, id }].slice(-MAX_TOASTS);
  return { state: { toasts, nextId: id + 1 }, id };
}

export function dismissToast(state: ToastState, id: number): ToastState {
  const toasts = state.toasts.filter((toast) => toast.id !== id);
  return toasts.length === state.toasts.length ? state : { ...state, toasts };
}

/** The newest toast that can still be undone (what Ctrl+Z undoes). */
export function latestUndo(state: ToastState): Toast | undefined {
  for (let index = state.toasts.length - 1; index >= 0; index -= 1) {
    const toast = state.toasts[index];
    if (toast?.undo) return toast;
  }
  return undefined;
}
