import { describe, expect, it } from 'vitest';
import { dismissToast, initialToastState, latestUndo, MAX_TOASTS, pushToast } from '../../renderer/features/toasts/toastState';

describe('toasts', () => {
  it('Ctrl+Z undoes the newest delete, not an older one', () => {
    let state = initialToastState();
    state = pushToast(state, { message: 'Deleted “A”.', tone: 'info', undo: { entryId: 'a', name: 'A' } }).state;
    state = pushToast(state, { message: 'Deleted “B”.', tone: 'info', undo: { entryId: 'b', name: 'B' } }).state;
    state = pushToast(state, { message: 'Saved.', tone: 'info' }).state;
    expect(latestUndo(state)?.undo?.name).toBe('B');
  });

  it('a dismissed delete can no longer be undone with the keyboard', () => {
    const pushed = pushToast(initialToastState(), { message: 'Deleted “A”.', tone: 'info', undo: { entryId: 'a', name: 'A' } });
    expect(latestUndo(dismissToast(pushed.state, pushed.id))).toBeUndefined();
  });

  it('only the newest few toasts are kept', () => {
    let state = initialToastState();
    for (let index = 0; index < MAX_TOASTS + 2; index += 1) state = pushToast(state, { message: `${index}`, tone: 'info' }).state;
    expect(state.toasts.map((toast) => toast.message)).toEqual(['2', '3', '4']);
  });
});
