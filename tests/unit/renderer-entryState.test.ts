import { describe, expect, it } from 'vitest';
import { blankEntryFields, type Entry } from '../../shared/entry';
import {
  applyEdit,
  beginSave,
  clearFailures,
  diffPending,
  markFailed,
  markRefused,
  markSaved,
  normalizeField,
  plainReason,
  reasonsFromMessage,
  rebase,
  sameValue,
  startEditing,
} from '../../renderer/features/entry/entryState';

const ID = '11111111-1111-4111-8111-111111111111';

function entry(overrides: Partial<Entry> = {}): Entry {
  return {
    ...blankEntryFields(),
    name: 'Pricing workbook',
    id: ID,
    revision: 1,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

const unreachable = { code: 'store_unavailable' as const, message: 'Fieldbook is not reachable.', hint: 'Check it runs.' };

describe('editing an entry', () => {
  it('a freshly opened entry has nothing to save', () => {
    const state = startEditing(entry());
    expect(diffPending(state)).toEqual({});
    expect(state.status).toBe('saved');
  });

  it('sends only the fields that changed', () => {
    let state = startEditing(entry());
    state = applyEdit(state, 'purpose', 'Prices every quote');
    state = applyEdit(state, 'owner', 'Anna');
    expect(diffPending(state)).toEqual({ purpose: 'Prices every quote', owner: 'Anna' });
    expect(state.status).toBe('pending');
  });

  it('typing a field back to its stored value leaves nothing to save', () => {
    let state = startEditing(entry({ owner: 'Anna' }));
    state = applyEdit(state, 'owner', 'Ann');
    state = applyEdit(state, 'owner', 'Anna');
    expect(diffPending(state)).toEqual({});
    expect(state.status).toBe('saved');
  });

  it('blank rows and spaces in lists are tidied before saving, and do not count as a change', () => {
    let state = startEditing(entry({ backupOwners: ['Tom'] }));
    state = applyEdit(state, 'backupOwners', ['Tom ', '']);
    expect(diffPending(state)).toEqual({});
    state = applyEdit(state, 'backupOwners', ['Tom', ' Lena ']);
    expect(diffPending(state)).toEqual({ backupOwners: ['Tom', 'Lena'] });
  });

  it('a named system with no name yet is not sent', () => {
    expect(normalizeField('dependsOn', [{ type: 'system', name: '  ' }, { type: 'system', name: ' SAP export ' }])).toEqual([
      { type: 'system', name: 'SAP export' },
    ]);
  });

  it('what was sent counts as saved, even if the user typed more meanwhile', () => {
    let state = startEditing(entry());
    state = applyEdit(state, 'purpose', 'Prices');
    const patch = diffPending(state);
    state = beginSave(state, patch);
    expect(state.status).toBe('saving');
    state = applyEdit(state, 'purpose', 'Prices every quote');
    state = markSaved(state, patch, entry({ purpose: 'Prices', revision: 2 }));
    expect(state.revision).toBe(2);
    expect(state.draft.purpose).toBe('Prices every quote');
    expect(diffPending(state)).toEqual({ purpose: 'Prices every quote' });
    expect(state.status).toBe('pending');
  });

  it('a failed save keeps the typed text and sends it again with the next change', () => {
    let state = startEditing(entry());
    state = applyEdit(state, 'notes', 'Ask Tom about the macro');
    state = beginSave(state, diffPending(state));
    state = markFailed(state, unreachable);
    expect(state.status).toBe('failed');
    expect(state.draft.notes).toBe('Ask Tom about the macro');
    expect(diffPending(state)).toEqual({ notes: 'Ask Tom about the macro' });
  });

  it('a refused name stays in the form but is not sent again until it changes', () => {
    let state = startEditing(entry());
    state = applyEdit(state, 'name', '');
    state = applyEdit(state, 'purpose', 'Prices quotes');
    const patch = diffPending(state);
    state = markRefused(beginSave(state, patch), patch, { name: 'Give the tool a name.' });
    expect(state.draft.name).toBe('');
    expect(state.failed.name?.message).toBe('Give the tool a name.');
    expect(state.status).toBe('failed');
    expect(diffPending(state)).toEqual({ purpose: 'Prices quotes' });
    expect(diffPending(state, { includeRefused: true })).toEqual({ name: '', purpose: 'Prices quotes' });
  });

  it('changing a refused field forgets the refusal', () => {
    let state = startEditing(entry());
    state = applyEdit(state, 'name', '');
    state = markRefused(beginSave(state, { name: '' }), { name: '' }, { name: 'Give the tool a name.' });
    state = applyEdit(state, 'name', 'Pricing');
    expect(state.failed).toEqual({});
    expect(diffPending(state)).toEqual({ name: 'Pricing' });
  });

  it('Retry forgets refusals and errors so that everything is sent again', () => {
    let state = startEditing(entry());
    state = applyEdit(state, 'name', '');
    state = markRefused(beginSave(state, { name: '' }), { name: '' }, { name: 'Give the tool a name.' });
    state = clearFailures(state);
    expect(state.status).toBe('pending');
    expect(diffPending(state)).toEqual({ name: '' });
  });

  it('a change made elsewhere updates untouched fields and keeps unsaved typing', () => {
    let state = startEditing(entry({ owner: 'Anna', notes: '' }));
    state = applyEdit(state, 'notes', 'typing…');
    state = rebase(state, entry({ owner: 'Lena', notes: 'from elsewhere', revision: 3 }));
    expect(state.draft.owner).toBe('Lena');
    expect(state.draft.notes).toBe('typing…');
    expect(diffPending(state)).toEqual({ notes: 'typing…' });
  });

  it('an older copy of the entry does not overwrite a newer one', () => {
    const state = startEditing(entry({ revision: 4, owner: 'Anna' }));
    expect(rebase(state, entry({ revision: 3, owner: 'Old' }))).toBe(state);
  });

  it('compares values by content, whatever the key order', () => {
    expect(sameValue({ type: 'entry', entryId: ID }, { entryId: ID, type: 'entry' })).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});

describe('reading why the store refused a change', () => {
  it('finds the field in the router message', () => {
    const message = 'That request could not be done: changes.name: Give the tool a name.';
    expect(reasonsFromMessage(message, { name: '', purpose: 'x' })).toEqual({ name: 'Give the tool a name.' });
  });

  it('finds several fields, including items inside lists', () => {
    const message =
      'This change cannot be saved: name: Give the tool a name.; backupOwners.0: Too small: expected string to have >=1 characters';
    expect(Object.keys(reasonsFromMessage(message, { name: '', backupOwners: [''] }))).toEqual(['name', 'backupOwners']);
  });

  it('ignores words in the sentence that are not fields that were sent', () => {
    expect(reasonsFromMessage('That request could not be done: something else', { notes: 'x' })).toEqual({});
  });

  it('says length limits in plain words', () => {
    expect(plainReason('Too big: expected string to have <=200 characters')).toBe(
      'This is too long: keep it under 200 characters.',
    );
  });
});
