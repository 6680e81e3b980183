import { create } from 'zustand';
import type { CallError } from '../../../shared/contract';
import type { EntryFieldName, EntryFields } from '../../../shared/entry';
import type { Finding } from '../../../shared/guidelines';
import { api, toCallError } from '../../api/client';
import { useEntryStore } from '../entry/entryStore';
import {
  findingKey,
  initialViewState,
  outcomeSentence,
  revealFinding,
  toggleFinding,
  toggleGroup,
  type FindingGroupKey,
  type FindingsViewState,
} from './findingsState';

interface FindingsStore extends FindingsViewState {
  entryId: string | null;
  findings: Finding[] | null;
  loadError: CallError | null;
  /** The finding whose set-aside or take-back is on its way. */
  busyKey: string | null;
  /** A set-aside or take-back that did not go through, shown next to its finding. */
  actionError: { key: string; error: CallError } | null;
  /** What the last action did, in words (read out by screen readers). */
  announcement: string | null;
  /** Counts announcements, so the same words said twice still count as new. */
  announcementSeq: number;
  /** A finding whose button should take focus once it is on screen again. */
  focusKey: string | null;
  open(entryId: string): Promise<void>;
  close(): void;
  load(): Promise<void>;
  toggle(key: string): void;
  toggleGroup(group: FindingGroupKey): void;
  /** Saves an answer into the entry (through the entry's autosave) and re-checks. Returns a problem, or null. */
  answer(finding: Finding, changes: Partial<EntryFields>): Promise<string | null>;
  setAside(finding: Finding, reason: string, until: string | null): Promise<boolean>;
  takeBack(finding: Finding): Promise<boolean>;
  focused(): void;
  /** The entry's files were just read: check again, and say so (focus moves there if its button went away). */
  filesRead(sentence: string): Promise<void>;
  /** Entries or their findings changed somewhere: re-check the open one (several events cause one load). */
  changed(ids?: readonly string[]): void;
}

let reloadTimer: ReturnType<typeof setTimeout> | undefined;

export const useFindingsStore = create<FindingsStore>()((set, get) => {
  function received(entryId: string, findings: Finding[]): boolean {
    if (get().entryId !== entryId) return false;
    set({ findings, loadError: null });
    return true;
  }

  return {
    ...initialViewState(),
    entryId: null,
    findings: null,
    loadError: null,
    busyKey: null,
    actionError: null,
    announcement: null,
    announcementSeq: 0,
    focusKey: null,

    async open(entryId) {
      if (get().entryId === entryId && get().findings !== null) return;
      clearTimeout(reloadTimer);
      set({
        ...initialViewState(),
        entryId,
        findings: null,
        loadError: null,
        busyKey: null,
        actionError: null,
        announcement: null,
        focusKey: null,
      });
      await get().load();
    },

    close() {
      clearTimeout(reloadTimer);
      set({ entryId: null, findings: null, loadError: null, announcement: null, actionError: null, focusKey: null });
    },

    async load() {
      const entryId = get().entryId;
      if (!entryId) return;
      try {
        received(entryId, await api.call('guidelines.findings', { id: entryId }));
      } catch (error) {
        if (get().entryId === entryId) set({ loadError: toCallError(error) });
      }
    },

    toggle(key) {
      set((state) => toggleFinding(state, key));
    },

    toggleGroup(group) {
      set((state) => toggleGroup(state, group));
    },

    async answer(finding, changes) {
      const entryId = get().entryId;
      const entry = useEntryStore.getState();
      if (!entryId || entry.edit?.id !== entryId) return 'This entry is not open any more.';
      for (const [field, value] of Object.entries(changes) as [EntryFieldName, never][]) entry.change(field, value);
      await useEntryStore.getState().flush();
      const edit = useEntryStore.getState().edit;
      if (edit?.id !== entryId) return 'This entry is not open any more.';
      const refused = (Object.keys(changes) as EntryFieldName[]).map((field) => edit.failed[field]?.message).find(Boolean);
      if (refused) return refused;
      if (edit.saveError) return `${edit.saveError.message} ${edit.saveError.hint}`;
      await get().load();
      const key = findingKey(finding);
      const after = get().findings?.find((candidate) => findingKey(candidate) === key);
      set((state) => ({ announcement: outcomeSentence(finding.title, after), announcementSeq: state.announcementSeq + 1 }));
      return null;
    },

    async setAside(finding, reason, until) {
      const entryId = get().entryId;
      if (!entryId) return false;
      const key = findingKey(finding);
      set({ busyKey: key, actionError: null });
      try {
        const findings = await api.call('guidelines.setAside', {
          entryId,
          packId: finding.packId,
          ruleId: finding.ruleId,
          reason: reason.trim(),
          until,
        });
        if (!received(entryId, findings)) return false;
        const after = findings.find((candidate) => findingKey(candidate) === key);
        set((state) => ({
          ...revealFinding(state, findings, key),
          busyKey: null,
          focusKey: key,
          announcement: outcomeSentence(finding.title, after),
        }));
        return true;
      } catch (error) {
        set({ busyKey: null, actionError: { key, error: toCallError(error) } });
        return false;
      }
    },

    async takeBack(finding) {
      const entryId = get().entryId;
      if (!entryId) return false;
      const key = findingKey(finding);
      set({ busyKey: key, actionError: null });
      try {
        const findings = await api.call('guidelines.clearSetAside', { entryId, packId: finding.packId, ruleId: finding.ruleId });
        if (!received(entryId, findings)) return false;
        const after = findings.find((candidate) => findingKey(candidate) === key);
        set((state) => ({
          ...revealFinding(state, findings, key),
          busyKey: null,
          focusKey: key,
          announcement: `Taken back: ${outcomeSentence(finding.title, after)}`,
        }));
        return true;
      } catch (error) {
        set({ busyKey: null, actionError: { key, error: toCallError(error) } });
        return false;
      }
    },

    focused() {
      set({ focusKey: null });
    },

    async filesRead(sentence) {
      clearTimeout(reloadTimer);
      await get().load();
      set((state) => ({
        announcement: `${sentence} The guidelines were checked again.`,
        announcementSeq: state.announcementSeq + 1,
      }));
    },

    changed(ids) {
      const entryId = get().entryId;
      if (!entryId || (ids && !ids.includes(entryId))) return;
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => void get().load(), 150);
    },
  };
});
