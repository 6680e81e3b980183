import { z } from 'zod';
import {
  Criticality,
  Entry,
  EntryId,
  EntryKind,
  EntryPatch,
  EntrySummary,
  Lifecycle,
  Sensitivity,
} from './entry';
import { Finding, PackSummary, RuleInfo, TrustedPublisher } from './guidelines';
import { FileFormat, InspectionResult } from './inspection';
import { MAX_COPY_BYTES } from './droppedCopy';
import { sharingCalls, sharingEvents } from './sharingContract';
import { EXPORT_FORMATS, HISTORY_ACTIONS, SORT_FIELDS, TEXT_EXPORT_FORMATS, THEMES } from './vocabulary';

export { EXPORT_FORMATS, HISTORY_ACTIONS, SORT_FIELDS, TEXT_EXPORT_FORMATS, THEMES };

/**
 * Every call the renderer can make, with its input and output schemas.
 * The Node side validates each input against these before any service sees it,
 * on the Electron IPC transport and the loopback HTTP transport alike.
 */

export const SortField = z.enum(SORT_FIELDS);
export type SortField = z.infer<typeof SortField>;

export const ListQuery = z.object({
  query: z.string().max(200).default(''),
  kinds: z.array(EntryKind).max(20).default([]),
  criticalities: z.array(Criticality).max(20).default([]),
  sensitivities: z.array(Sensitivity).max(20).default([]),
  lifecycles: z.array(Lifecycle).max(20).default([]),
  tags: z.array(z.string().max(60)).max(50).default([]),
  sortBy: SortField.default('name'),
  sortDirection: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListQuery = z.input<typeof ListQuery>;
export type ResolvedListQuery = z.output<typeof ListQuery>;

export const ListPage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(EntrySummary),
});
export type ListPage = z.infer<typeof ListPage>;

export const EntryRef = z.object({ id: EntryId, name: z.string() });
export type EntryRef = z.infer<typeof EntryRef>;

export const EntryDetail = z.object({
  entry: Entry,
  /** Names of the entries this one links to, so the UI can show them without more calls. */
  linkedNames: z.record(z.string(), z.string()),
  /** Entries that say they feed this one (so this one also depends on them). */
  inferredDependsOn: z.array(EntryRef),
  /** Entries that say they depend on this one (so this one also feeds them). */
  inferredFeeds: z.array(EntryRef),
});
export type EntryDetail = z.infer<typeof EntryDetail>;

export const HistoryItem = z.object({
  revision: z.number().int(),
  at: z.iso.datetime(),
  action: z.enum(HISTORY_ACTIONS),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type HistoryItem = z.infer<typeof HistoryItem>;

export const AttentionItem = z.object({
  id: EntryId,
  name: z.string(),
  kind: EntryKind,
  criticality: Criticality.nullable(),
  reasons: z.array(z.string()),
  /** How many guidelines ask something of the user on this entry (reasons shows the first few). */
  openCount: z.number().int(),
});
export type AttentionItem = z.infer<typeof AttentionItem>;

export const RecentChange = z.object({
  entryId: EntryId,
  name: z.string(),
  action: z.enum(HISTORY_ACTIONS),
  at: z.iso.datetime(),
  fields: z.array(z.string()),
});
export type RecentChange = z.infer<typeof RecentChange>;

export const HomeSummary = z.object({
  total: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  byCriticality: z.record(z.string(), z.number().int()),
  byLifecycle: z.record(z.string(), z.number().int()),
  personalDataCount: z.number().int(),
  /** Guidelines not met yet or needing info, across the fieldbook. */
  openFindings: z.number().int(),
  needsAttention: z.array(AttentionItem),
  /** How many entries have something to look at (needsAttention lists the first few). */
  attentionCount: z.number().int(),
  recentChanges: z.array(RecentChange),
});
export type HomeSummary = z.infer<typeof HomeSummary>;

export const Settings = z.object({
  profile: z.object({
    name: z.string().max(200),
    team: z.string().max(200),
  }),
  theme: z.enum(THEMES),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = z.object({
  profile: Settings.shape.profile.partial().optional(),
  theme: Settings.shape.theme.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DeletedEntry = z.object({
  id: EntryId,
  name: z.string(),
  kind: EntryKind,
  deletedAt: z.string(),
});
export type DeletedEntry = z.infer<typeof DeletedEntry>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const TextExportFormat = z.enum(TEXT_EXPORT_FORMATS);
export type TextExportFormat = z.infer<typeof TextExportFormat>;

export const RenderedExport = z.object({
  /** A suggested file name: "fieldbook-2026-11-25.html". */
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
export type RenderedExport = z.infer<typeof RenderedExport>;

/** Any export as one file for a page to download (a Markdown folder comes as a .zip). */
export const ExportDownload = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Size of the file in bytes. */
  size: z.number().int().nonnegative(),
  /** The file itself: bytes survive both transports as base64 text. */
  base64: z.string(),
});
export type ExportDownload = z.infer<typeof ExportDownload>;

/** The largest JSON export an import accepts (characters). */
export const MAX_IMPORT_CHARS = 128 * 1024 * 1024;

/** One entry in an import preview: what happens to it, and why, in plain words. */
export const ImportEntryChange = z.object({
  id: EntryId,
  name: z.string(),
  /** The revision in this fieldbook, or null when it is not here yet. */
  localRevision: z.number().int().nullable(),
  importRevision: z.number().int(),
  reason: z.string(),
});
export type ImportEntryChange = z.infer<typeof ImportEntryChange>;

/** What an import will do (preview) or did (apply). Local data that is newer is never overwritten. */
export const ImportPreview = z.object({
  exportedAt: z.string(),
  appVersion: z.string(),
  scope: z.enum(['all', 'entry']),
  /** False for a preview: nothing has changed yet. */
  applied: z.boolean(),
  /** One or two sentences a person can read: what will be (or was) added, replaced and skipped. */
  summary: z.string(),
  entries: z.object({
    added: z.array(ImportEntryChange),
    replaced: z.array(ImportEntryChange),
    skipped: z.array(ImportEntryChange),
  }),
  setAsides: z.object({ added: z.number().int(), skipped: z.number().int() }),
  packs: z.object({
    added: z.array(z.object({ id: z.string(), version: z.string(), reason: z.string() })),
    skipped: z.array(z.object({ id: z.string(), version: z.string(), reason: z.string() })),
  }),
  publishers: z.object({
    added: z.array(z.object({ keyId: z.string(), name: z.string() })),
    skipped: z.number().int(),
  }),
  profile: z.object({ action: z.enum(['set', 'kept', 'none']), name: z.string(), team: z.string() }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** One of an entry's files, with what Fieldbook found in it, in plain words and in full. */
export const InspectedFile = z.object({
  path: z.string(),
  inspectedAt: z.string(),
  summary: z.string(),
  result: InspectionResult,
});
export type InspectedFile = z.infer<typeof InspectedFile>;

/** A file read before it belongs to an entry: what was found, and what a new entry could say. */
export const FilePreview = z.object({
  path: z.string(),
  summary: z.string(),
  result: InspectionResult,
  suggestion: EntryPatch,
});
export type FilePreview = z.infer<typeof FilePreview>;

export const DiscoveryStatus = z.object({
  scanId: z.uuid(),
  folder: z.string(),
  /** Files looked at so far. */
  seen: z.number().int(),
  /** Tools found so far. */
  candidates: z.number().int(),
  inspected: z.number().int(),
  /** Folders that could not be read. */
  skipped: z.number().int(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  error: z.string().optional(),
});
export type DiscoveryStatus = z.infer<typeof DiscoveryStatus>;

export const DiscoveryCandidate = z.object({
  path: z.string(),
  format: FileFormat,
  bytes: z.number().int(),
  modified: z.string().nullable(),
  /** Why it looks like a tool: "macros that run when it opens", "an Access database". */
  reasons: z.array(z.string()),
  summary: z.string(),
  suggestion: EntryPatch,
});
export type DiscoveryCandidate = z.infer<typeof DiscoveryCandidate>;

const FilePath = z.string().trim().min(1, 'Give the path of a file.').max(4_096);

/** A file dropped where its location cannot be known (a browser tab): its name and its bytes. */
const FileCopy = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the name of the dropped file.')
    .max(255, 'A file name is at most 255 characters long.')
    .refine((name) => !/[\\/]/.test(name) && !name.includes('\u0000'), 'Give the file’s name only, without a folder.'),
  bytes: z.number().int().nonnegative().max(MAX_COPY_BYTES, `Fieldbook reads a dropped copy of at most ${MAX_COPY_BYTES / 1024 / 1024} MB. Type the file’s path instead.`),
  base64: z.string().max(Math.ceil(MAX_COPY_BYTES / 3) * 4, `Fieldbook reads a dropped copy of at most ${MAX_COPY_BYTES / 1024 / 1024} MB. Type the file’s path instead.`),
});

const ById = z.object({ id: EntryId });
const Nothing = z.object({}).strict();

export const contract = {
  ...sharingCalls,
  'app.info': { input: Nothing, output: AppInfo },
  'settings.get': { input: Nothing, output: Settings },
  'settings.update': { input: SettingsPatch, output: Settings },
  'entries.list': { input: ListQuery, output: ListPage },
  'entries.get': { input: ById, output: EntryDetail },
  'entries.create': { input: z.object({ fields: EntryPatch }), output: Entry },
  'entries.update': { input: z.object({ id: EntryId, changes: EntryPatch }), output: Entry },
  'entries.delete': { input: ById, output: z.object({ id: EntryId, name: z.string() }) },
  'entries.restore': { input: ById, output: Entry },
  'entries.history': { input: ById, output: z.array(HistoryItem) },
  /** Deleted entries, kept (with their history) so they can be brought back; most recently deleted first. */
  'entries.deleted': { input: Nothing, output: z.array(DeletedEntry) },
  /** Deletes deleted entries for good: removed from the fieldbook file, with no way back. */
  'entries.purge': { input: z.object({ ids: z.array(EntryId).min(1).max(100_000) }), output: z.object({ purged: z.number().int() }) },
  'tags.list': { input: Nothing, output: z.array(z.object({ tag: z.string(), count: z.number().int() })) },
  'home.summary': { input: Nothing, output: HomeSummary },
  'files.list': { input: ById, output: z.array(InspectedFile) },
  'files.refresh': { input: z.object({ id: EntryId, force: z.boolean().default(false) }), output: z.array(InspectedFile) },
  'files.preview': { input: z.object({ paths: z.array(FilePath).min(1).max(20) }), output: z.array(FilePreview) },
  /** Reads a copy of a dropped file, deleted straight after; the preview names no location. */
  'files.previewCopy': { input: FileCopy, output: FilePreview },
  /** The desktop app's own folder dialog; `folder` is null when she closes it without choosing. */
  'files.chooseFolder': { input: Nothing, output: z.object({ folder: z.string().nullable() }) },
  'discover.start': { input: z.object({ folder: FilePath }), output: DiscoveryStatus },
  'discover.cancel': { input: z.object({ scanId: z.uuid() }), output: DiscoveryStatus },
  'discover.results': {
    input: z.object({ scanId: z.uuid() }),
    output: z.object({ status: DiscoveryStatus, candidates: z.array(DiscoveryCandidate) }),
  },
  'guidelines.packs': { input: Nothing, output: z.array(PackSummary) },
  'guidelines.rules': { input: Nothing, output: z.array(RuleInfo) },
  'guidelines.findings': { input: ById, output: z.array(Finding) },
  'guidelines.setAside': {
    input: z.object({
      entryId: EntryId,
      packId: z.string().max(80),
      ruleId: z.string().max(80),
      reason: z.string().trim().min(1, 'Say briefly why this guideline does not fit.').max(2_000),
      until: z.iso.date().nullable(),
    }),
    output: z.array(Finding),
  },
  'guidelines.clearSetAside': {
    input: z.object({ entryId: EntryId, packId: z.string().max(80), ruleId: z.string().max(80) }),
    output: z.array(Finding),
  },
  'guidelines.importPack': {
    input: z.object({
      text: z.string().max(1024 * 1024),
      signature: z.string().max(4_096).nullable(),
      unsignedOwn: z.boolean(),
    }),
    output: PackSummary,
  },
  'guidelines.removePack': { input: z.object({ id: z.string().max(80) }), output: z.array(PackSummary) },
  'guidelines.trustPublisher': {
    input: z.object({ name: z.string().trim().min(1).max(200), publicKey: z.string().trim().min(1).max(1_000) }),
    output: z.object({ keyId: z.string(), name: z.string() }),
  },
  'guidelines.trustedPublishers': { input: Nothing, output: z.array(TrustedPublisher) },
  'guidelines.removePublisher': {
    input: z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/, 'Use the 16-character key id shown in the list of trusted publishers.') }),
    output: z.object({ publishers: z.array(TrustedPublisher), removedPacks: z.array(z.string()) }),
  },
  'export.render': {
    input: z.object({ format: TextExportFormat, entryId: EntryId.nullable().default(null) }),
    output: RenderedExport,
  },
  'export.download': {
    input: z.object({ format: ExportFormat, entryId: EntryId.nullable().default(null) }),
    output: ExportDownload,
  },
  'import.preview': { input: z.object({ text: z.string().min(1).max(MAX_IMPORT_CHARS) }), output: ImportPreview },
  'import.apply': { input: z.object({ text: z.string().min(1).max(MAX_IMPORT_CHARS) }), output: ImportPreview },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const METHODS = Object.keys(contract) as Method[];
export type CallInput<M extends Method> = z.input<Contract[M]['input']>;
export type CallOutput<M extends Method> = z.output<Contract[M]['output']>;

/** Events pushed from the Node side to every open window. */
export const events = {
  ...sharingEvents,
  'entries.changed': z.object({ ids: z.array(EntryId), action: z.enum(HISTORY_ACTIONS) }),
  'findings.changed': z.object({ ids: z.array(EntryId) }),
  'discover.progress': DiscoveryStatus,
  'guidelines.changed': z.object({ packs: z.string() }),
  'settings.changed': Settings,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'store_corrupt',
  'store_locked',
  'store_newer',
  'store_readonly',
  'store_unavailable',
  'hub_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error a person can act on: what happened, and what to do about it. */
export const CallError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  hint: z.string(),
});
export type CallError = z.infer<typeof CallError>;

export type CallResult<M extends Method> = { ok: true; value: CallOutput<M> } | { ok: false; error: CallError };

/** The one object the renderer talks to, whichever host it runs in. */
export interface FieldbookBridge {
  call<M extends Method>(method: M, input: CallInput<M>): Promise<CallResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Desktop app only: where a dropped or picked file (a DOM File) lives on disk, or '' when it
   * has no place there (dragged out of a web page). A browser tab cannot know; it reads a copy
   * instead (files.previewCopy).
   */
  pathForFile?(file: object): string;
}
