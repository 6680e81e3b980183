import { describe, expect, it } from 'vitest';
import type { DiscoveryCandidate, DiscoveryStatus } from '../../shared/contract';
import {
  ANNOUNCE_EVERY_MS,
  addButtonLabel,
  addedWords,
  candidateAdded,
  endWords,
  entryFieldsFor,
  initialDiscoverState,
  pickedCandidates,
  progressReceived,
  progressWords,
  resultsReceived,
  scanStarted,
  selectAll,
  selectNone,
  skippedWords,
  toggleCandidate,
} from '../../renderer/features/discover/discoverState';
import { parseRoute, routeHref } from '../../renderer/app/route';

const SCAN = '6f1b6a3e-5d4c-4b7a-9e8f-0123456789ab';
const OTHER = '7f1b6a3e-5d4c-4b7a-9e8f-0123456789ab';

function status(changes: Partial<DiscoveryStatus> = {}): DiscoveryStatus {
  return { scanId: SCAN, folder: '\\\\team\\Finance', seen: 0, candidates: 0, inspected: 0, skipped: 0, state: 'running', ...changes };
}

function candidate(path: string, owner = 'Maria Keller'): DiscoveryCandidate {
  return {
    path,
    format: 'xlsm',
    bytes: 100,
    modified: null,
    reasons: ['macros that run when it opens'],
    summary: 'Macros.',
    suggestion: { name: path, kind: 'spreadsheet', owner, files: [path], locations: ['\\\\team\\Finance'], dataCategories: [], sensitivity: null },
  };
}

describe('looking through a folder', () => {
  it('Find tools has its own address', () => {
    expect(parseRoute('#/discover')).toEqual({ view: 'discover' });
    expect(routeHref({ view: 'discover' })).toBe('#/discover');
  });

  it('counts are said in words, with thousands separated', () => {
    expect(progressWords(status({ seen: 1204, candidates: 3 }))).toBe('1,204 files looked at · 3 tools found');
    expect(progressWords(status({ seen: 1, candidates: 1 }))).toBe('1 file looked at · 1 tool found');
  });

  it('how it ended is one calm sentence', () => {
    expect(endWords(status({ state: 'done', seen: 40, candidates: 2 }))).toBe('Done: looked at 40 files and found 2 tools.');
    expect(endWords(status({ state: 'cancelled', seen: 300, candidates: 0 }))).toBe('Cancelled after looking at 300 files. No tools found before that.');
    expect(endWords(status({ state: 'cancelled', seen: 300, candidates: 4 }))).toMatch(/^Cancelled after looking at 300 files\. The 4 tools found so far/);
    expect(skippedWords(status({ skipped: 2 }))).toBe('2 folders could not be opened and were skipped.');
    expect(skippedWords(status())).toBeNull();
  });

  it('progress of another scan is ignored, and an ended scan stays ended', () => {
    let state = scanStarted(initialDiscoverState(), status(), 0);
    expect(progressReceived(state, status({ scanId: OTHER, seen: 9 }), 10)).toBe(state);
    state = progressReceived(state, status({ state: 'done', seen: 5 }), 10);
    expect(state.phase).toBe('finishing');
    expect(progressReceived(state, status({ state: 'running', seen: 4 }), 20)).toBe(state);
  });

  it('a screen reader hears how it goes now and then, not on every event, and always when it ends', () => {
    let state = scanStarted(initialDiscoverState(), status(), 1_000);
    expect(state.announcement).toBe('Looking through \\\\team\\Finance.');
    state = progressReceived(state, status({ seen: 10 }), 1_200);
    expect(state.announcement).toBe('Looking through \\\\team\\Finance.');
    expect(state.status?.seen).toBe(10);
    state = progressReceived(state, status({ seen: 500, candidates: 2 }), 1_000 + ANNOUNCE_EVERY_MS);
    expect(state.announcement).toBe('Still looking: 500 files looked at · 2 tools found.');
    state = progressReceived(state, status({ seen: 501, candidates: 2, state: 'cancelled' }), 1_000 + ANNOUNCE_EVERY_MS + 10);
    expect(state.announcement).toBe('Cancelled after looking at 501 files. The 2 tools found so far are below.');
  });

  it('results start with nothing picked; all, none and one at a time work', () => {
    let state = scanStarted(initialDiscoverState(), status(), 0);
    state = resultsReceived(state, status({ state: 'done' }), [candidate('/b.xlsm'), candidate('/a.xlsm')]);
    expect(state.phase).toBe('finished');
    expect(state.candidates?.map((item) => item.path)).toEqual(['/a.xlsm', '/b.xlsm']);
    expect(pickedCandidates(state)).toEqual([]);
    state = selectAll(state);
    expect(pickedCandidates(state).map((item) => item.path)).toEqual(['/a.xlsm', '/b.xlsm']);
    state = selectNone(state);
    state = toggleCandidate(state, '/b.xlsm');
    expect(pickedCandidates(state).map((item) => item.path)).toEqual(['/b.xlsm']);
    expect(addButtonLabel(pickedCandidates(state).length)).toBe('Add 1 to my fieldbook');
  });

  it('a tool already added cannot be picked again', () => {
    let state = scanStarted(initialDiscoverState(), status(), 0);
    state = resultsReceived(state, status({ state: 'done' }), [candidate('/a.xlsm'), candidate('/b.xlsm')]);
    state = { ...selectAll(state), adding: { done: 0, total: 2 } };
    state = candidateAdded(state, '/a.xlsm', 'entry-1');
    expect(state.adding).toEqual({ done: 1, total: 2 });
    expect(pickedCandidates(state).map((item) => item.path)).toEqual(['/b.xlsm']);
    expect(toggleCandidate(state, '/a.xlsm')).toBe(state);
    expect(selectAll(state).selected).toEqual({ '/b.xlsm': true });
    expect(addedWords(2)).toBe('Added 2 tools to your fieldbook.');
  });

  it('a file that names nobody leaves the owner to her profile', () => {
    expect(entryFieldsFor(candidate('/a.xlsm', '')).owner).toBeUndefined();
    expect(entryFieldsFor(candidate('/a.xlsm')).owner).toBe('Maria Keller');
  });
});
