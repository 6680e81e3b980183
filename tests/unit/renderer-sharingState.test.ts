import { describe, expect, it } from 'vitest';
import { blankEntryFields } from '../../shared/entry';
import { SHARE_FORMAT, type SharedEntryPayload, type SharedFinding } from '../../shared/sharing';
import type { EntrySharing, SharingOverview, SyncStatus } from '../../shared/sharingContract';
import { entryTabRoute, parseRoute, routeHref } from '../../renderer/app/route';
import { EMPTY, NOT_SENT, payloadChanges, payloadFieldText, previewFields } from '../../renderer/features/sharing/payloadView';
import {
  connectFormProblems,
  defaultDeviceName,
  disconnectWarning,
  EMPTY_CONNECT_FORM,
  initialPrivateParts,
  packUpdatesNewestFirst,
  recentComments,
  setPrivatePart,
  sharedSummary,
} from '../../renderer/features/sharing/sharingState';
import { clockTime, entryShareLine, syncStatusLine } from '../../renderer/features/sharing/syncWords';

const ID = '2f1b6a3e-5d4c-4b7a-9e8f-0123456789ab';
const OTHER = '9a1b6a3e-5d4c-4b7a-9e8f-0123456789cd';
const NOW = new Date(2026, 10, 25, 11, 0);
const at = (hours: number, minutes: number, day = 25) => new Date(2026, 10, day, hours, minutes).toISOString();

function status(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    state: 'up-to-date',
    message: 'Up to date.',
    hubUrl: 'https://hub.example.com',
    deviceName: 'Anna’s laptop',
    connectedAt: at(9, 0),
    tokenKeptIn: 'in a file in your data folder',
    waiting: 0,
    lastContactAt: at(10, 42),
    nextAttemptAt: null,
    ...overrides,
  };
}

function sharing(overrides: Partial<EntrySharing> = {}): EntrySharing {
  return {
    entryId: ID,
    name: 'Pricing',
    state: 'shared',
    autoShare: false,
    privateParts: ['notes'],
    changesWaiting: false,
    queued: null,
    problem: null,
    confirmedAt: at(10, 42),
    comments: [],
    ...overrides,
  };
}

function payload(fields: Partial<SharedEntryPayload['fields']>, extras: Partial<SharedEntryPayload> = {}): string {
  const all = { ...blankEntryFields(), name: 'Pricing', ...fields } as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete all[key];
  return JSON.stringify({ format: SHARE_FORMAT, entryId: ID, entryRevision: 3, updatedAt: at(10, 0), fields: all, findings: [], files: [], ...extras });
}

describe('the sync status in plain words', () => {
  it('says when it last reached the hub, or when it tries next', () => {
    expect(syncStatusLine(status(), NOW, 'en-GB')).toEqual({ tone: 'ok', text: 'Up to date · last contact 10:42' });
    expect(syncStatusLine(status({ state: 'waiting-for-connection', nextAttemptAt: at(10, 45) }), NOW, 'en-GB').text).toBe(
      'Waiting for connection — next try 10:45',
    );
    expect(syncStatusLine(status({ state: 'not-connected' })).text).toMatch(/Nothing leaves this computer/);
  });

  it('passes on what needs her attention, with what to do', () => {
    const line = syncStatusLine(status({ state: 'needs-attention', message: 'IT’s hub no longer accepts this computer. Connect again.' }));
    expect(line).toEqual({ tone: 'attention', text: 'Needs attention: IT’s hub no longer accepts this computer. Connect again.' });
  });

  it('gives the day as well when the time is not today', () => {
    expect(clockTime(at(10, 42), NOW, 'en-GB')).toBe('10:42');
    expect(clockTime(at(9, 5, 24), NOW, 'en-GB')).toBe('24 Nov, 09:05');
  });
});

describe('where an entry stands with IT', () => {
  const text = (overrides: Partial<EntrySharing>) => entryShareLine(sharing(overrides), NOW, 'en-GB').text;

  it('names each state the way the user thinks of it', () => {
    expect(text({})).toBe('Shared · sent 10:42');
    expect(text({ changesWaiting: true })).toBe('Changes not yet shared');
    expect(text({ queued: 'push', confirmedAt: null })).toBe('Waiting to be sent');
    expect(text({ state: 'withdrawn', queued: 'withdraw' })).toBe('Withdrawal waiting to be sent');
    expect(text({ state: 'withdrawn' })).toBe('Withdrawn');
    expect(text({ state: 'not-shared', confirmedAt: null })).toBe('Not shared');
  });

  it('a share the hub refused says so, with the hub’s advice, before anything else', () => {
    const line = entryShareLine(sharing({ queued: 'push', problem: 'Too large. Keep the files’ facts private, then share again.' }));
    expect(line.tone).toBe('attention');
    expect(line.text).toBe('Not accepted by IT’s hub: Too large. Keep the files’ facts private, then share again.');
  });
});

describe('the share preview reads the payload, not the entry', () => {
  it('shows every field as sent, and a private one as not sent', () => {
    const text = payload({ purpose: 'Prices quotes', notes: undefined, dataCategories: ['personal', 'financial'], criticality: 'high' });
    const rows = previewFields(JSON.parse(text));
    const row = (part: string) => rows.find((candidate) => candidate.part === part)!;
    expect(row('purpose')).toMatchObject({ label: 'What it does', sent: true, text: 'Prices quotes' });
    expect(row('notes')).toMatchObject({ sent: false, text: '' });
    expect(row('dataCategories').text).toBe('Personal data, Financial data');
    expect(row('criticality').text).toBe('High');
    expect(row('owner')).toMatchObject({ sent: true, text: '' });
    expect(rows).toHaveLength(25);
  });

  it('says that a link to another entry carries only its id', () => {
    expect(payloadFieldText('dependsOn', [{ type: 'entry', entryId: OTHER }, { type: 'system', name: 'SAP export' }], { [OTHER]: 'Rates' })).toBe(
      '“Rates” (IT gets only its id), SAP export',
    );
    expect(payloadFieldText('answers', { usesSso: 'yes' })).toBe('usesSso: yes');
  });

  it('shows each answer with the question that travels with it', () => {
    const text = JSON.stringify({ ...JSON.parse(payload({ answers: { usesSso: 'yes', other: 'no' } })), answerQuestions: { usesSso: 'Do people sign in with their company account?' } });
    const answers = previewFields(JSON.parse(text)).find((row) => row.part === 'answers')!;
    expect(answers.text).toBe('Do people sign in with their company account?: yes; other: no');
  });
});

describe('reviewing changes before they are shared', () => {
  it('lists field by field what IT holds and what it will hold, ignoring the revision and time', () => {
    const before = payload({ purpose: 'Prices quotes', owner: 'Anna' });
    const after = JSON.stringify({ ...JSON.parse(payload({ purpose: 'Prices quotes and discounts', owner: 'Anna' })), entryRevision: 4, updatedAt: at(10, 50) });
    expect(payloadChanges(before, after)).toEqual([{ key: 'purpose', label: 'What it does', before: 'Prices quotes', after: 'Prices quotes and discounts' }]);
    expect(payloadChanges(before, JSON.stringify({ ...JSON.parse(before), entryRevision: 9 }))).toEqual([]);
  });

  it('shows a field newly kept private, or newly emptied', () => {
    const changes = payloadChanges(payload({ owner: 'Anna', team: 'Finance' }), payload({ owner: undefined, team: '' }));
    expect(changes).toEqual([
      { key: 'owner', label: 'Owner', before: 'Anna', after: NOT_SENT },
      { key: 'team', label: 'Team', before: 'Finance', after: EMPTY },
    ]);
  });

  it('shows guideline results and files item by item, and the whole part when it is kept private', () => {
    const finding: SharedFinding = { packId: 'p', packVersion: '1', ruleId: 'owner', title: 'Has an owner', severity: 'important', outcome: 'not-met', setAsideReason: null, setAsideUntil: null };
    const before = payload({}, { findings: [finding], files: [{ name: 'a.xlsx', format: 'xlsx', facts: ['2 sheets'] }] });
    const after = payload({}, { findings: [{ ...finding, outcome: 'met' }], files: undefined });
    expect(payloadChanges(before, after)).toEqual([
      { key: 'findings:p/owner', label: 'Guideline: Has an owner', before: 'Not met yet (Important)', after: 'Met (Important)' },
      { key: 'fileFacts', label: 'What Fieldbook found in its files', before: '1 file', after: NOT_SENT },
    ]);
  });
});

describe('keeping parts private', () => {
  it('starts from her earlier choice for the entry, or keeps the notes private by default', () => {
    expect(initialPrivateParts(null)).toEqual(['notes']);
    expect(initialPrivateParts(sharing({ privateParts: ['fileFacts', 'owner'] }))).toEqual(['owner', 'fileFacts']);
  });

  it('adds and removes a part, keeping the preview’s order', () => {
    expect(setPrivatePart(['notes'], 'owner', true)).toEqual(['owner', 'notes']);
    expect(setPrivatePart(['owner', 'notes'], 'notes', false)).toEqual(['owner']);
    expect(setPrivatePart(['notes'], 'findings', true)).toEqual(['notes', 'findings']);
    // The entry's own Files field (paths) and what Fieldbook found in the files are kept private apart.
    expect(setPrivatePart(['notes'], 'files', true)).toEqual(['files', 'notes']);
    expect(setPrivatePart(['files', 'notes'], 'fileFacts', true)).toEqual(['files', 'notes', 'fileFacts']);
  });
});

describe('connecting', () => {
  it('says what is missing before anything is sent', () => {
    expect(connectFormProblems(EMPTY_CONNECT_FORM)).toEqual({
      url: expect.stringMatching(/hub address/),
      code: expect.stringMatching(/enrollment code/),
      deviceName: expect.stringMatching(/name IT will recognise/),
    });
    const form = { ...EMPTY_CONNECT_FORM, url: 'https://hub', code: 'ABCD-EFGH', deviceName: 'Laptop' };
    expect(connectFormProblems(form)).toBeNull();
    expect(connectFormProblems({ ...form, publisherName: 'ACME IT' })).toEqual({ publisherKey: expect.stringMatching(/publisher key/) });
  });

  it('suggests a computer name from her profile', () => {
    expect(defaultDeviceName('Anna Berg')).toBe('Anna’s computer');
    expect(defaultDeviceName('  ')).toBe('');
  });

  it('warns before disconnecting that shared entries stay, and what would not be sent', () => {
    expect(disconnectWarning(status())).toMatch(/stays on IT’s hub until it is withdrawn/);
    expect(disconnectWarning(status({ waiting: 2 }))).toMatch(/2 shares or withdrawals have not reached the hub yet and will not be sent/);
  });
});

describe('the Sharing screen’s lists and Home’s line', () => {
  const comment = (commentId: string, createdAt: string) => ({ commentId, text: commentId, author: 'Ines', createdAt });
  const entries = [
    sharing({ comments: [comment('old', at(9, 0))] }),
    sharing({ entryId: OTHER, name: 'Returns', changesWaiting: true, comments: [comment('new', at(10, 0))] }),
    sharing({ entryId: '1a1b6a3e-5d4c-4b7a-9e8f-0123456789ef', name: 'Merge', state: 'withdrawn' }),
  ];

  it('IT’s comments across entries come newest first, with their entry', () => {
    expect(recentComments(entries).map((item) => [item.comment.commentId, item.entryName])).toEqual([
      ['new', 'Returns'],
      ['old', 'Pricing'],
    ]);
    expect(recentComments(entries, 1)).toHaveLength(1);
  });

  it('Home counts what is shared and what waits for her', () => {
    const overview: SharingOverview = { status: status(), entries, packUpdates: [] };
    expect(sharedSummary(overview)).toBe('2 entries shared · 1 with changes not yet shared · 2 comments from IT');
  });

  it('pack updates come newest first', () => {
    const update = (publicationId: string, receivedAt: string) => ({ publicationId, packId: 'it', version: '1', receivedAt, status: 'applied' as const, message: '' });
    expect(packUpdatesNewestFirst([update('a', at(9, 0)), update('b', at(10, 0))]).map((item) => item.publicationId)).toEqual(['b', 'a']);
  });
});

describe('addresses for sharing', () => {
  it('reads the Sharing screen and an entry opened at its Sharing tab', () => {
    expect(parseRoute('#/sharing')).toEqual({ view: 'sharing' });
    expect(routeHref({ view: 'sharing' })).toBe('#/sharing');
    expect(parseRoute(`#/entries/${ID}/sharing`)).toEqual({ view: 'entry', id: ID, tab: 'sharing' });
    expect(routeHref(entryTabRoute(ID, 'sharing'))).toBe(`#/entries/${ID}/sharing`);
  });
});
