import type { EntryFields } from './entry';
import type { Outcome, Severity } from './guidelines';

/**
 * What IT receives when a user shares an entry: the payload of a hub push. The desktop app
 * builds it with one function (main/core/sharing/sharePayload.ts) for both the share preview
 * and the push, so what the user saw is what is sent. zod-free: the renderer shows it.
 */
export const SHARE_FORMAT = 'fieldbook.share/1';

/**
 * Parts of a shared entry besides its fields that the user can keep private. Named apart from
 * every field: 'fileFacts' (the payload's `files`) is not the entry's own `files` field (paths).
 */
export const SHARE_EXTRAS = ['findings', 'fileFacts'] as const;
export type ShareExtra = (typeof SHARE_EXTRAS)[number];
/** Something a user can keep private: one of the entry's fields, or one of the extras. */
export type PrivatePart = keyof EntryFields | ShareExtra;

/** Kept private unless the user chooses otherwise: free notes are often written for oneself. */
export const DEFAULT_PRIVATE_PARTS: readonly PrivatePart[] = ['notes'];

export interface SharedFinding {
  packId: string;
  packVersion: string;
  ruleId: string;
  title: string;
  severity: Severity;
  outcome: Outcome;
  /** The user's reason, when she set the guideline aside. */
  setAsideReason: string | null;
  setAsideUntil: string | null;
}

/** What Fieldbook found in one of the entry's files, in plain words (never sample values). */
export interface SharedFileFacts {
  /** The file's name without its folder. */
  name: string;
  format: string;
  facts: string[];
}

export interface SharedEntryPayload {
  format: typeof SHARE_FORMAT;
  entryId: string;
  /** The entry's own revision when it was shared (the hub's revision counts shares instead). */
  entryRevision: number;
  updatedAt: string;
  /** The entry's fields, without the ones the user keeps private. Links to other entries carry only their id. */
  fields: Partial<EntryFields>;
  /**
   * The guideline question each shared answer replies to, by answer key (answers have no field of
   * their own, so IT would otherwise see only the key). Present only with shared answers.
   */
  answerQuestions?: Record<string, string>;
  /** Absent when the user keeps findings private. */
  findings?: SharedFinding[];
  /** Absent when the user keeps the files' facts private. */
  files?: SharedFileFacts[];
}
