import { z } from 'zod';
import { HistoryItem, Settings } from '../../../shared/contract';
import { Entry, EntryId } from '../../../shared/entry';

/** The format name every Fieldbook JSON export carries, so a foreign file is recognised at once. */
export const EXPORT_FORMAT = 'fieldbook-export';
/** The version of the JSON export this Fieldbook writes and reads. Bump it (and keep reading 1) on a breaking change. */
export const EXPORT_VERSION = 1;

const Timestamp = z.iso.datetime();

/** One entry as it was: the current fields, whether (and when) it was deleted, and every history row. */
export const ExportedEntry = z.object({
  entry: Entry,
  deletedAt: Timestamp.nullable(),
  /** Oldest first; the last row's revision is the entry's revision. */
  history: z.array(HistoryItem).min(1).max(100_000),
});
export type ExportedEntry = z.infer<typeof ExportedEntry>;

export const ExportedSetAside = z.object({
  entryId: EntryId,
  packId: z.string().min(1).max(80),
  ruleId: z.string().min(1).max(80),
  reason: z.string().min(1).max(2_000),
  until: z.iso.date().nullable(),
  by: z.string().max(200),
  at: Timestamp,
});
export type ExportedSetAside = z.infer<typeof ExportedSetAside>;

export const ExportedPublisher = z.object({
  keyId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  publicKey: z.string().min(1).max(1_000),
  addedAt: Timestamp,
});
export type ExportedPublisher = z.infer<typeof ExportedPublisher>;

/** A guideline pack the user imported (the built-in pack ships with Fieldbook and is not exported). */
export const ExportedPack = z.object({
  id: z.string().min(1).max(80),
  version: z.string().min(1).max(40),
  /** The pack's YAML text exactly as imported. */
  source: z.string().min(1).max(1024 * 1024),
  trust: z.enum(['signed', 'unsigned-own']),
  /** The publisher's signature of `source`, for a signed pack (absent in exports before it was carried). */
  signature: z.string().min(1).max(10_000).nullable().optional(),
  importedAt: Timestamp,
});
export type ExportedPack = z.infer<typeof ExportedPack>;

/**
 * A Fieldbook JSON export: everything needed to restore a fieldbook on another machine.
 * Published as schemas/fieldbook-export.schema.json (see main/core/schemas.ts).
 */
export const FieldbookExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: Timestamp,
  app: z.object({ version: z.string().min(1).max(40) }),
  /** "all": the whole fieldbook; "entry": one entry only (no packs, publishers or settings). */
  scope: z.enum(['all', 'entry']),
  settings: Settings.nullable(),
  entries: z.array(ExportedEntry).max(1_000_000),
  setAsides: z.array(ExportedSetAside).max(10_000_000),
  trustedPublishers: z.array(ExportedPublisher).max(1_000),
  packs: z.array(ExportedPack).max(1_000),
});
export type FieldbookExport = z.infer<typeof FieldbookExport>;
