import { useEffect } from 'react';
import { useAddStore } from '../features/add/addStore';
import { useListStore } from '../features/list/listStore';
import { useToastStore } from '../features/toasts/toastStore';
import { currentRoute, navigate } from './navigation';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

function focusSearch(): void {
  useListStore.getState().requestSearchFocus();
  if (currentRoute().view !== 'list') navigate({ view: 'list' });
}

/** Ctrl/Cmd+N new entry, Ctrl/Cmd+F or "/" search, Ctrl/Cmd+Z undo a delete. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.isComposing) return;
      // While the New entry dialog is open, it owns the keyboard.
      if (useAddStore.getState().open) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.altKey && !event.shiftKey && key === 'n') {
        event.preventDefault();
        useAddStore.getState().show();
      } else if (mod && !event.altKey && !event.shiftKey && key === 'f') {
        event.preventDefault();
        focusSearch();
      } else if (!mod && !event.altKey && event.key === '/' && !isEditable(event.target)) {
        event.preventDefault();
        focusSearch();
      } else if (mod && !event.altKey && !event.shiftKey && key === 'z' && !isEditable(event.target)) {
        if (useToastStore.getState().undoLatest()) event.preventDefault();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
