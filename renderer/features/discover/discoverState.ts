import type { CallError, DiscoveryCandidate, DiscoveryStatus } from '../../../shared/contract';

/** A screen reader hears how the scan is going at most this often (and always when it ends). */
export const ANNOUNCE_EVERY_MS = 5_000;

export type DiscoverPhase = 'idle' | 'starting' | 'scanning' | 'cancelling' | 'finishing' | 'finished';

export interface DiscoverState {
  /** The folder as typed. */
  folder: string;
  phase: DiscoverPhase;
  /** The scan as last heard of (from its start, its progress events, or its results). */
  status: DiscoveryStatus | null;
  /** Why the scan could not start or its results could not be fetched. */
  error: CallError | null;
  /** The tools found, once the scan has ended. */
  candidates: DiscoveryCandidate[] | null;
  selected: Record<string, boolean>;
  /** Candidates already turned into entries: path → entry id. */
  added: Record<string, string>;
  adding: { done: number; total: number } | null;
  addError: CallError | null;
  /** What a screen reader hears (politely, and not on every event). */
  announcement: string;
  announcedAt: number;
}

export function initialDiscoverState(): DiscoverState {
  return {
    folder: '',
    phase: 'idle',
    status: null,
    error: null,
    candidates: null,
    selected: {},
    added: {},
    adding: null,
    addError: null,
    announcement: '',
    announcedAt: 0,
  };
}

export function isRunning(phase: DiscoverPhase): boolean {
  return phase === 'starting' || phase === 'scanning' || phase === 'cancelling' || phase === 'finishing';
}

export function hasEnded(status: DiscoveryStatus): boolean {
  return status.state !== 'running';
}

const n = (value: number) => value.toLocaleString('en');

/** "1,204 files looked at · 3 tools found". */
export function progressWords(status: DiscoveryStatus): string {
  const files = status.seen === 1 ? '1 file looked at' : `${n(status.seen)} files looked at`;
  const tools = status.candidates === 1 ? '1 tool found' : `${n(status.candidates)} tools found`;
  return `${files} · ${tools}`;
}

/** How the scan ended, in one calm sentence. */
export function endWords(status: DiscoveryStatus): string {
  const files = status.seen === 1 ? '1 file' : `${n(status.seen)} files`;
  const tools = status.candidates === 1 ? '1 tool' : `${n(status.candidates)} tools`;
  switch (status.state) {
    case 'running':
      return `Still looking: ${progressWords(status)}.`;
    case 'done':
      return `Done: looked at ${files} and found ${tools}.`;
    case 'cancelled':
      return `Cancelled after looking at ${files}. ${status.candidates === 0 ? 'No tools found before that.' : `The ${tools} found so far are below.`}`;
    case 'failed':
      return `The scan stopped early, after ${files}: ${status.error ?? 'something went wrong'}. The tools found so far are below.`;
  }
}

/** Folders that could not be opened, if any, in words. */
export function skippedWords(status: DiscoveryStatus): string | null {
  if (status.skipped === 0) return null;
  return status.skipped === 1
    ? '1 folder could not be opened and was skipped.'
    : `${n(status.skipped)} folders could not be opened and were skipped.`;
}

/** The scan started: forget the last one. */
export function scanStarted(state: DiscoverState, status: DiscoveryStatus, now: number): DiscoverState {
  return {
    ...state,
    phase: hasEnded(status) ? 'finishing' : 'scanning',
    status,
    error: null,
    candidates: null,
    selected: {},
    added: {},
    adding: null,
    addError: null,
    announcement: `Looking through ${status.folder}.`,
    announcedAt: now,
  };
}

/**
 * News of a scan. Only the current scan counts, and a scan that has ended stays ended.
 * The announcement changes when the scan ends, or when it has been quiet for a while.
 */
export function progressReceived(state: DiscoverState, status: DiscoveryStatus, now: number): DiscoverState {
  if (!state.status || state.status.scanId !== status.scanId) return state;
  if (hasEnded(state.status) && !hasEnded(status)) return state;
  const ended = hasEnded(status);
  const phase: DiscoverPhase = ended && (state.phase === 'scanning' || state.phase === 'cancelling') ? 'finishing' : state.phase;
  let { announcement, announcedAt } = state;
  if (ended && !hasEnded(state.status)) {
    announcement = endWords(status);
    announcedAt = now;
  } else if (!ended && now - state.announcedAt >= ANNOUNCE_EVERY_MS) {
    announcement = `Still looking: ${progressWords(status)}.`;
    announcedAt = now;
  }
  return { ...state, status, phase, announcement, announcedAt };
}

/** The scan's results arrived: the list of tools to pick from (none picked yet). */
export function resultsReceived(state: DiscoverState, status: DiscoveryStatus, candidates: DiscoveryCandidate[]): DiscoverState {
  if (!state.status || state.status.scanId !== status.scanId) return state;
  const sorted = [...candidates].sort((a, b) => a.path.localeCompare(b.path));
  return { ...state, status, phase: 'finished', candidates: sorted, selected: {} };
}

export function toggleCandidate(state: DiscoverState, path: string): DiscoverState {
  if (state.added[path]) return state;
  return { ...state, selected: { ...state.selected, [path]: !state.selected[path] } };
}

export function selectAll(state: DiscoverState): DiscoverState {
  const selected: Record<string, boolean> = {};
  for (const candidate of state.candidates ?? []) if (!state.added[candidate.path]) selected[candidate.path] = true;
  return { ...state, selected };
}

export function selectNone(state: DiscoverState): DiscoverState {
  return { ...state, selected: {} };
}

/** The tools she picked that are not in the fieldbook yet, in list order. */
export function pickedCandidates(state: DiscoverState): DiscoveryCandidate[] {
  return (state.candidates ?? []).filter((candidate) => state.selected[candidate.path] && !state.added[candidate.path]);
}

/** One candidate became an entry. */
export function candidateAdded(state: DiscoverState, path: string, entryId: string): DiscoverState {
  const selected = { ...state.selected };
  delete selected[path];
  const adding = state.adding ? { ...state.adding, done: state.adding.done + 1 } : null;
  return { ...state, added: { ...state.added, [path]: entryId }, selected, adding };
}

export function addButtonLabel(count: number): string {
  return count === 0 ? 'Add to my fieldbook' : `Add ${n(count)} to my fieldbook`;
}

export function addedWords(count: number): string {
  return count === 1 ? 'Added 1 tool to your fieldbook.' : `Added ${n(count)} tools to your fieldbook.`;
}

/** The new entry for a tool she picked: the suggestion, without an empty owner (so her profile fills it). */
export function entryFieldsFor(candidate: DiscoveryCandidate): DiscoveryCandidate['suggestion'] {
  const fields = { ...candidate.suggestion };
  if (!fields.owner?.trim()) delete fields.owner;
  return fields;
}
