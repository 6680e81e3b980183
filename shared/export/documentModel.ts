import type { DependencyLink, Entry } from '../entry';
import { OUTCOMES, type Finding, type Outcome } from '../guidelines';
import {
  CRITICALITY_LABELS,
  DATA_CATEGORY_LABELS,
  FIELD_LABELS,
  FREQUENCY_LABELS,
  KIND_LABELS,
  LIFECYCLE_LABELS,
  OUTCOME_LABELS,
  SENSITIVITY_LABELS,
  SEVERITY_LABELS,
} from '../labels';
import { uniqueStems } from './escape';

/**
 * The documentation of a fieldbook (or one entry), built once. Every renderer — Markdown, HTML,
 * PDF, XLSX, CSV — renders this model and nothing else: no format re-derives content its own way.
 */
export interface ExportDocument {
  scope: 'all' | 'entry';
  /** A small line above the title: the team, or "System documentation" for one entry. */
  eyebrow: string;
  /** "System documentation" or, for one entry, its name. */
  title: string;
  subtitle: string;
  /** Facts about the export itself, shown under the title. */
  about: DocField[];
  exportedAt: string;
  /** The export date in words: "25 November 2026". */
  exportedOn: string;
  appVersion: string;
  contents: ContentsItem[];
  entries: EntryDocument[];
  diagram: DependencyGraph;
  /** The closing line; the desktop's own ("Exported from Fieldbook …") when not given. */
  colophon?: string;
  /** The inventory as tables, for the spreadsheet formats (XLSX, CSV). */
  readonly tables: { entries: DocTable; findings: DocTable; dependencies: DocTable; files: DocTable };
}

export interface ContentsItem {
  entryId: string;
  name: string;
  /** "Spreadsheet · Critical" */
  detail: string;
  /** "2 not met yet · 1 needs info", or empty. */
  attention: string;
  anchor: string;
  fileName: string;
}

export interface EntryDocument {
  id: string;
  name: string;
  /** HTML id and Markdown anchor: `entry-` and a safe stem. */
  anchor: string;
  /** The entry's own file in a Markdown folder export. */
  fileName: string;
  /** One line under the name: "Spreadsheet · In use · Owner Anna Berg · Criticality High". */
  lede: string;
  readonly sections: DocSection[];
  /** The entry and its direct neighbours, for a small diagram in its own Markdown file. */
  readonly neighbourhood: DependencyGraph;
}

export interface DocSection {
  id: string;
  title: string;
  blocks: DocBlock[];
}

export type DocBlock =
  | { type: 'fields'; rows: DocField[] }
  | { type: 'links'; groups: DocLinkGroup[] }
  | { type: 'findings'; summary: string; columns: string[]; items: DocFinding[]; empty: string }
  | { type: 'files'; items: DocFile[] }
  | { type: 'notice'; text: string };

/** A label and its value. `empty` marks the "Not recorded yet" placeholder; `long` free text in paragraphs. */
export interface DocField {
  label: string;
  value: string | string[];
  long?: boolean;
  empty?: boolean;
}

export interface DocLinkGroup {
  label: string;
  links: DocLink[];
  empty: string;
}

export interface DocLink {
  name: string;
  kind: 'entry' | 'system' | 'missing';
  /** Where the linked entry is in this export (null: not in it, or not an entry). */
  anchor: string | null;
  fileName: string | null;
  /** Said by the other entry, not by this one: "it lists this tool under Depends on". */
  note: string;
}

export interface DocFinding {
  outcome: Outcome;
  outcomeLabel: string;
  title: string;
  severityLabel: string;
  details: string;
}

/** Entries and named official systems, with an arrow for each data flow (A depends on B: B → A). */
export interface DependencyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphNode {
  /** `e:<entry id>` or `s:<system name, lower-case>`; renderers make their own short ids. */
  key: string;
  kind: 'entry' | 'system';
  name: string;
  /** Second line: the kind of tool, or "Official system". */
  detail: string;
  /** The entry's section in this export, if it has one. */
  anchor: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
}

export type CellValue = string | number | null;

export interface DocTable {
  name: string;
  columns: { header: string; width: number }[];
  rows: CellValue[][];
}

/**
 * What Fieldbook found in one of an entry's files, for the documentation, in words already
 * (kinds, counts and places only, never a value read from the file).
 */
export interface DocFile {
  /** The path as the entry lists it. */
  path: string;
  /** The file's own name, and the folder it is in ("" when the path has none). */
  name: string;
  folder: string;
  state: 'read' | 'problem' | 'not-read';
  /** "Read on 26 November 2026", "Could not be read on …", or "Not read yet". */
  status: string;
  /** When it was read (ISO), or null. */
  readAt: string | null;
  /** What was found, in plain words; or why it could not be read; or that it was not read. */
  found: string;
  /** What could not be read completely, in plain words (the first few, as `fieldbook inspect` shows them). */
  notes: string[];
}

export const FILES_SECTION_TITLE = 'Files and what Fieldbook found in them';
export const NO_FILES = 'No files added yet, so there is nothing Fieldbook found in them to show.';
export const FILES_NOTE =
  'What Fieldbook found is as of the day it last read each file. It only reads files: it never opens them in Office, runs their macros or changes them.';

/** Words for the state, in the spreadsheet's Status column (short, for filtering). */
export const FILE_STATE_LABELS: Record<DocFile['state'], string> = {
  read: 'Read',
  problem: 'Could not be read',
  'not-read': 'Not read yet',
};

/**
 * Everything a document is built from, as plain data: no fieldbook, no files, no Node. The
 * desktop fills it from its fieldbook (main/core/export/documentModel.ts); the hub from the
 * entries people shared with IT.
 */
export interface ExportInputs {
  scope: 'all' | 'entry';
  /** The entries the document is about, in order. */
  selected: readonly Entry[];
  /** Every entry a link may name (the selected ones among them); a link to any other shows as missing. */
  live: readonly Entry[];
  /** Each entry's guideline results, by entry id. */
  findingsOf: ReadonlyMap<string, readonly Finding[]>;
  /** What was found in an entry's files, in words already; asked only when a format needs it. */
  filesOf: (entry: Entry) => DocFile[];
  /** Questions of the guidelines for answers without a field of their own, by answer key. */
  answerQuestions: ReadonlyMap<string, string>;
  /** Fields (and `createdAt`, `updatedAt`, `revision`) the document was not given for an entry, by entry id. */
  withheldOf?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The words for a withheld field ("Not shared"); NOT_RECORDED when not given. */
  withheldText?: string;
  /** The name a link shows when it names an entry not in `live`. */
  missingEntryName?: string;
  eyebrow: string;
  title: string;
  subtitle: string;
  /** Facts about the export under the title, after the export date. */
  about: DocField[];
  appVersion: string;
  colophon?: string;
  now: Date;
}

export const NOT_RECORDED = 'Not recorded yet';
export const SYSTEM_LABEL = 'Official system';
const MISSING_ENTRY = 'An entry no longer in this fieldbook';
const SEPARATOR = ' · ';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const CALENDAR_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Entries made or changed together share dates: format each minute once (every time zone is whole minutes).
const longDates = new Map<string, string>();

function longDateOnce(iso: string): string {
  const minute = iso.slice(0, 16);
  let text = longDates.get(minute);
  if (text === undefined) {
    text = LONG_DATE.format(new Date(iso));
    if (longDates.size > 50_000) longDates.clear();
    longDates.set(minute, text);
  }
  return text;
}

function calendarDate(date: string): string {
  return CALENDAR_DATE.format(new Date(`${date}T00:00:00Z`));
}

/** A date and time in words: "25 November 2026" (the reader's time zone). */
export function longDate(iso: string): string {
  return longDateOnce(iso);
}

/** How many of each outcome, in the calm words of OUTCOME_LABELS: "Not met yet: 2 · Met: 12". */
function outcomeSummary(counts: Record<Outcome, number>, order: readonly Outcome[]): string {
  return order
    .filter((outcome) => counts[outcome] > 0)
    .map((outcome) => `${OUTCOME_LABELS[outcome]}: ${counts[outcome]}`)
    .join(SEPARATOR);
}

const SUMMARY_ORDER: readonly Outcome[] = ['not-met', 'needs-info', 'error', 'set-aside', 'met', 'not-applicable'];
/** Findings listed one by one; met ones are named in one line, ones that do not apply only counted. */
const LISTED_OUTCOMES: ReadonlySet<Outcome> = new Set(['not-met', 'needs-info', 'error', 'set-aside']);

function countOutcomes(findings: readonly Finding[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const finding of findings) counts[finding.outcome]++;
  return counts;
}

function systemKey(name: string): string {
  return `s:${name.trim().toLowerCase()}`;
}

/** Builds the documentation model of the whole fieldbook, or of one entry. */

const NO_WITHHELD: ReadonlySet<string> = new Set();

/** Builds the documentation model from plain inputs: every format renders this and nothing else. */
export function buildExportDocument(inputs: ExportInputs): ExportDocument {
  const { now, selected, live } = inputs;
  const findingsOf = inputs.findingsOf;
  const missingEntry = inputs.missingEntryName ?? MISSING_ENTRY;
  const withheldOf = (entry: Entry) => inputs.withheldOf?.get(entry.id) ?? NO_WITHHELD;
  const liveById = new Map(live.map((entry) => [entry.id, entry]));

  // Links other entries state about an entry: X depends on E means E feeds X, and vice versa.
  const inferredFeeds = new Map<string, Entry[]>();
  const inferredDependsOn = new Map<string, Entry[]>();
  const push = (map: Map<string, Entry[]>, id: string, entry: Entry) => {
    const list = map.get(id);
    if (list) list.push(entry);
    else map.set(id, [entry]);
  };
  for (const entry of live) {
    for (const link of entry.dependsOn) if (link.type === 'entry' && link.entryId !== entry.id) push(inferredFeeds, link.entryId, entry);
    for (const link of entry.feeds) if (link.type === 'entry' && link.entryId !== entry.id) push(inferredDependsOn, link.entryId, entry);
  }

  const reverse: ReverseLinks = { feeds: inferredFeeds, dependsOn: inferredDependsOn };

  const stems = uniqueStems(
    selected.map((entry) => entry.name),
    ['index'],
  );
  const placeOf = new Map(selected.map((entry, index) => [entry.id, { anchor: `entry-${stems[index]}`, fileName: `${stems[index]}.md` }]));

  const answerQuestions = inputs.answerQuestions;

  const linkTo = (link: DependencyLink): DocLink => {
    if (link.type === 'system') return { name: link.name, kind: 'system', anchor: null, fileName: null, note: SYSTEM_LABEL };
    const target = liveById.get(link.entryId);
    if (!target) return { name: missingEntry, kind: 'missing', anchor: null, fileName: null, note: '' };
    const place = placeOf.get(target.id);
    return { name: target.name, kind: 'entry', anchor: place?.anchor ?? null, fileName: place?.fileName ?? null, note: '' };
  };
  const inferredLink = (other: Entry, field: 'dependsOn' | 'feeds'): DocLink => {
    const place = placeOf.get(other.id);
    return {
      name: other.name,
      kind: 'entry',
      anchor: place?.anchor ?? null,
      fileName: place?.fileName ?? null,
      note: `It lists this tool under “${FIELD_LABELS[field]}”`,
    };
  };
  /** Stated links first, then those only the other entry states. */
  const linkGroup = (entry: Entry, field: 'dependsOn' | 'feeds'): DocLinkGroup => {
    const stated = entry[field];
    const statedIds = new Set(stated.flatMap((link) => (link.type === 'entry' ? [link.entryId] : [])));
    const others = (field === 'dependsOn' ? inferredDependsOn : inferredFeeds).get(entry.id) ?? [];
    const reverseField = field === 'dependsOn' ? 'feeds' : 'dependsOn';
    return {
      label: FIELD_LABELS[field],
      links: [...stated.map(linkTo), ...others.filter((other) => !statedIds.has(other.id)).map((other) => inferredLink(other, reverseField))],
      empty: withheldOf(entry).has(field)
        ? (inputs.withheldText ?? NOT_RECORDED)
        : field === 'dependsOn'
          ? 'Nothing recorded: it does not depend on other tools or systems, as far as Fieldbook knows.'
          : 'Nothing recorded: no other tool or system takes data from it, as far as Fieldbook knows.',
    };
  };

  const filesOf = (entry: Entry): DocFile[] => (entry.files.length === 0 ? [] : inputs.filesOf(entry));

  const entries: EntryDocument[] = [];
  const contents: ContentsItem[] = [];
  for (const entry of selected) {
    const place = placeOf.get(entry.id)!;
    const findings = findingsOf.get(entry.id) ?? [];
    const withheld = withheldOf(entry);
    let sections: DocSection[] | undefined;
    const counts = countOutcomes(findings);
    const kind = withheld.has('kind') ? '' : KIND_LABELS[entry.kind];
    const detail = [kind, entry.criticality ? `Criticality: ${CRITICALITY_LABELS[entry.criticality]}` : ''].filter(Boolean).join(SEPARATOR);
    contents.push({
      entryId: entry.id,
      name: entry.name,
      detail,
      attention: outcomeSummary(counts, ['not-met', 'needs-info']),
      anchor: place.anchor,
      fileName: place.fileName,
    });
    entries.push({
      id: entry.id,
      name: entry.name,
      anchor: place.anchor,
      fileName: place.fileName,
      lede: [
        kind,
        withheld.has('lifecycle') ? '' : LIFECYCLE_LABELS[entry.lifecycle],
        entry.owner ? `Owner ${entry.owner}` : withheld.has('owner') ? '' : 'No owner named yet',
        entry.criticality ? `Criticality ${CRITICALITY_LABELS[entry.criticality]}` : '',
      ]
        .filter(Boolean)
        .join(SEPARATOR),
      // The document formats read these, the spreadsheet formats never: built when first asked for.
      get sections() {
        sections ??= entrySections(entry, findings, counts, linkGroup, answerQuestions, filesOf(entry), withheld, inputs.withheldText ?? NOT_RECORDED);
        return sections;
      },
      // Only the Markdown folder draws these: worked out when first asked for.
      get neighbourhood() {
        return graphOf([entry], liveById, placeOf, reverse);
      },
    });
  }

  let tables: ExportDocument['tables'] | undefined;
  return {
    scope: inputs.scope,
    eyebrow: inputs.eyebrow,
    title: inputs.title,
    subtitle: inputs.subtitle,
    about: [{ label: 'Exported', value: longDate(now.toISOString()) }, ...inputs.about],
    exportedAt: now.toISOString(),
    exportedOn: longDate(now.toISOString()),
    appVersion: inputs.appVersion,
    ...(inputs.colophon === undefined ? {} : { colophon: inputs.colophon }),
    contents,
    entries,
    diagram: graphOf(selected, liveById, placeOf, inputs.scope === 'all' ? null : reverse),
    // Only the spreadsheet formats use the tables: built when first asked for, then kept.
    get tables() {
      tables ??= {
        entries: entriesTable(selected, findingsOf, liveById, inferredDependsOn, inferredFeeds, missingEntry),
        findings: findingsTable(selected, findingsOf),
        dependencies: dependenciesTable(selected, liveById, missingEntry),
        files: filesTable(selected, filesOf),
      };
      return tables;
    },
  };
}

function fieldRow(label: string, value: string | readonly string[] | number | null, long = false): DocField {
  const isEmpty = value === null || (typeof value === 'string' ? value.trim().length === 0 : typeof value === 'number' ? false : value.length === 0);
  if (isEmpty) return { label, value: NOT_RECORDED, empty: true };
  return { label, value: typeof value === 'number' ? value.toLocaleString('en') : typeof value === 'string' ? value : [...value], ...(long ? { long } : {}) };
}

function entrySections(
  entry: Entry,
  findings: readonly Finding[],
  counts: Record<Outcome, number>,
  linkGroup: (entry: Entry, field: 'dependsOn' | 'feeds') => DocLinkGroup,
  answerQuestions: ReadonlyMap<string, string>,
  files: DocFile[],
  withheld: ReadonlySet<string>,
  withheldText: string,
): DocSection[] {
  const L = FIELD_LABELS;
  // A field the document was not given reads as such, never as "not recorded".
  const field = (label: string, value: string | readonly string[] | number | null, long = false, key?: string): DocField =>
    key !== undefined && withheld.has(key) ? { label, value: withheldText, empty: true } : fieldRow(label, value, long);
  const fields = (rows: DocField[]): DocBlock => ({ type: 'fields', rows });
  // Guidelines that wait for Fieldbook to look inside the files are named in one line, not one row each.
  const needsFiles = (finding: Finding) => finding.outcome === 'needs-info' && finding.missingFacts.length > 0;
  const listed = findings.filter((finding) => LISTED_OUTCOMES.has(finding.outcome) && !needsFiles(finding));
  const waiting = findings.filter(needsFiles).map((finding) => finding.title);
  const met = findings.filter((finding) => finding.outcome === 'met').map((finding) => finding.title);
  const answers = Object.entries(entry.answers).filter(([, value]) => value.trim().length > 0);
  const sections: DocSection[] = [
    {
      id: 'purpose',
      title: 'What it does',
      blocks: [
        fields([
          field(L.purpose, entry.purpose, true, 'purpose'),
          field(L.businessProcess, entry.businessProcess, false, 'businessProcess'),
          field(L.kind, KIND_LABELS[entry.kind], false, 'kind'),
          field(L.lifecycle, LIFECYCLE_LABELS[entry.lifecycle], false, 'lifecycle'),
          field(L.tags, entry.tags, false, 'tags'),
        ]),
      ],
    },
    {
      id: 'owner',
      title: 'Owner and backup',
      blocks: [fields([field(L.owner, entry.owner, false, 'owner'), field(L.backupOwners, entry.backupOwners, false, 'backupOwners'), field(L.team, entry.team, false, 'team')])],
    },
    {
      id: 'users',
      title: 'Who uses it',
      blocks: [
        fields([
          field(L.users, entry.users, false, 'users'),
          field(L.userCount, entry.userCount, false, 'userCount'),
          field(L.frequency, entry.frequency ? FREQUENCY_LABELS[entry.frequency] : null, false, 'frequency'),
        ]),
      ],
    },
    { id: 'location', title: 'Where it lives', blocks: [fields([field(L.locations, entry.locations, false, 'locations')])] },
    {
      id: 'data',
      title: 'Data and sensitivity',
      blocks: [
        fields([
          field(L.dataCategories, entry.dataCategories.map((category) => DATA_CATEGORY_LABELS[category]), false, 'dataCategories'),
          field(L.sensitivity, entry.sensitivity ? SENSITIVITY_LABELS[entry.sensitivity] : null, false, 'sensitivity'),
        ]),
      ],
    },
    {
      id: 'criticality',
      title: 'Criticality',
      blocks: [
        fields([
          field(L.criticality, entry.criticality ? CRITICALITY_LABELS[entry.criticality] : null, false, 'criticality'),
          field(L.criticalityImpact, entry.criticalityImpact, true, 'criticalityImpact'),
        ]),
      ],
    },
    {
      id: 'care',
      title: 'Backup and changes',
      blocks: [
        fields([
          field(L.backup, entry.backup, true, 'backup'),
          field(L.changeProcess, entry.changeProcess, true, 'changeProcess'),
          field(L.lastReviewed, entry.lastReviewed ? calendarDate(entry.lastReviewed) : null, false, 'lastReviewed'),
        ]),
      ],
    },
    {
      id: 'dependencies',
      title: 'Depends on and feeds',
      blocks: [{ type: 'links', groups: [linkGroup(entry, 'dependsOn'), linkGroup(entry, 'feeds')] }],
    },
    {
      id: 'files',
      title: FILES_SECTION_TITLE,
      blocks: withheld.has('fileFacts') ? [{ type: 'notice', text: withheldText }] : files.length === 0 ? [{ type: 'notice', text: NO_FILES }] : [{ type: 'files', items: files }, { type: 'notice', text: FILES_NOTE }],
    },
    {
      id: 'guidelines',
      title: 'Where it stands against the guidelines',
      blocks: [
        {
          type: 'findings',
          summary: withheld.has('findings') ? withheldText : findings.length > 0 ? outcomeSummary(counts, SUMMARY_ORDER) : 'No guidelines are in force.',
          columns: ['Outcome', 'Guideline', 'How much it matters', 'Details'],
          items: listed.map(docFinding),
          empty: findings.length > 0 && waiting.length === 0 ? 'Nothing to do: every guideline that applies is met.' : '',
        },
        ...(waiting.length > 0 ? [fields([{ label: `${OUTCOME_LABELS['needs-info']} from its files (${waiting.length})`, value: waiting }])] : []),
        ...(met.length > 0 ? [fields([{ label: `${OUTCOME_LABELS.met} (${met.length})`, value: met }])] : []),
        ...(answers.length > 0
          ? [fields(answers.map(([key, value]) => field(answerQuestions.get(key) ?? key, value)))]
          : []),
      ],
    },
  ];
  if (entry.notes.trim().length > 0 && !withheld.has('notes')) sections.push({ id: 'notes', title: L.notes, blocks: [fields([field(L.notes, entry.notes, true)])] });
  sections.push({
    id: 'record',
    title: 'About this entry',
    blocks: [
      fields([
        field('Created', withheld.has('createdAt') ? null : longDate(entry.createdAt), false, 'createdAt'),
        field('Last changed', withheld.has('updatedAt') ? null : longDate(entry.updatedAt), false, 'updatedAt'),
        field('Revision', String(entry.revision), false, 'revision'),
        field('Entry ID', entry.id),
      ]),
    ],
  });
  return sections;
}

// The same guideline result reads the same on every entry: one shared (read-only) row for each.
const sharedFindings = new Map<string, DocFinding>();

function docFinding(finding: Finding): DocFinding {
  if (finding.outcome === 'set-aside' || finding.outcome === 'error' || finding.setAsideExpired) return newDocFinding(finding);
  const key = `${finding.packId}\u0000${finding.packVersion}\u0000${finding.ruleId}\u0000${finding.title}\u0000${finding.severity}\u0000${finding.outcome}\u0000${finding.missingFields.join(',')}\u0000${finding.missingFacts.length}`;
  let shared = sharedFindings.get(key);
  if (!shared) {
    shared = newDocFinding(finding);
    if (sharedFindings.size > 10_000) sharedFindings.clear();
    sharedFindings.set(key, shared);
  }
  return shared;
}

function newDocFinding(finding: Finding): DocFinding {
  return {
    outcome: finding.outcome,
    outcomeLabel: OUTCOME_LABELS[finding.outcome],
    title: finding.title,
    severityLabel: SEVERITY_LABELS[finding.severity],
    details: findingDetails(finding),
  };
}

function findingDetails(finding: Finding): string {
  switch (finding.outcome) {
    case 'set-aside': {
      const aside = finding.setAside;
      if (!aside) return '';
      const who = aside.by && aside.by !== 'me' ? ` by ${aside.by}` : '';
      const until = aside.until ? ` Until ${calendarDate(aside.until)}.` : '';
      return `Set aside${who}${aside.at ? ` on ${longDate(aside.at)}` : ''} because: “${aside.reason}”.${until}`;
    }
    case 'needs-info': {
      const parts = finding.question ? [finding.question] : [];
      // Answers to the pack's own questions are asked by the question itself; entry fields are named.
      const fields = finding.missingFields.flatMap((name) => (name in FIELD_LABELS ? [FIELD_LABELS[name as keyof typeof FIELD_LABELS]] : []));
      if (fields.length > 0) parts.push(`To fill in: ${fields.join(', ')}.`);
      if (finding.missingFacts.length > 0) parts.push('Needs a file Fieldbook has looked inside.');
      return parts.join(' ');
    }
    case 'error':
      return `This guideline could not be checked: ${finding.error ?? 'unknown reason'}.`;
    default: {
      const expired = finding.setAsideExpired && finding.setAside ? ` It was set aside until ${calendarDate(finding.setAside.until ?? '')}; that has passed.` : '';
      return `${finding.question}${expired}`;
    }
  }
}

/** Other entries' links to an entry: who lists it under "Depends on" (it feeds them) or "Feeds". */
interface ReverseLinks {
  feeds: Map<string, Entry[]>;
  dependsOn: Map<string, Entry[]>;
}

/**
 * The data-flow graph of the given entries: every entry, every official system they name, and
 * an arrow per flow. With `reverse`, also the other entries that link to them.
 */
function graphOf(
  scope: readonly Entry[],
  liveById: Map<string, Entry>,
  placeOf: Map<string, { anchor: string }>,
  reverse: ReverseLinks | null,
): DependencyGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const entryNode = (entry: Entry): string => {
    const key = `e:${entry.id}`;
    if (!nodes.has(key)) {
      nodes.set(key, { key, kind: 'entry', name: entry.name, detail: KIND_LABELS[entry.kind], anchor: placeOf.get(entry.id)?.anchor ?? null });
    }
    return key;
  };
  const linkNode = (link: DependencyLink): string | null => {
    if (link.type === 'system') {
      const key = systemKey(link.name);
      if (!nodes.has(key)) nodes.set(key, { key, kind: 'system', name: link.name.trim(), detail: SYSTEM_LABEL, anchor: null });
      return key;
    }
    const target = liveById.get(link.entryId);
    return target ? entryNode(target) : null;
  };
  const edge = (from: string | null, to: string | null) => {
    if (from === null || to === null || from === to) return;
    const key = `${from}>${to}`;
    if (!edges.has(key)) edges.set(key, { from, to });
  };
  const inScope = new Set(scope.map((entry) => entry.id));
  for (const entry of scope) {
    const self = entryNode(entry);
    for (const link of entry.dependsOn) edge(linkNode(link), self);
    for (const link of entry.feeds) edge(self, linkNode(link));
  }
  if (reverse) {
    for (const entry of scope) {
      for (const other of reverse.feeds.get(entry.id) ?? []) if (!inScope.has(other.id)) edge(`e:${entry.id}`, entryNode(other));
      for (const other of reverse.dependsOn.get(entry.id) ?? []) if (!inScope.has(other.id)) edge(entryNode(other), `e:${entry.id}`);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function entriesTable(
  entries: readonly Entry[],
  findingsOf: ReadonlyMap<string, readonly Finding[]>,
  liveById: Map<string, Entry>,
  inferredDependsOn: Map<string, Entry[]>,
  inferredFeeds: Map<string, Entry[]>,
  missingEntry: string,
): DocTable {
  const L = FIELD_LABELS;
  const list = (values: readonly string[]) => values.join('; ');
  const linkName = (link: DependencyLink) =>
    link.type === 'system' ? link.name : (liveById.get(link.entryId)?.name ?? missingEntry);
  const links = (entry: Entry, field: 'dependsOn' | 'feeds', inferred: Map<string, Entry[]>) => {
    const stated = entry[field];
    const statedIds = new Set(stated.flatMap((link) => (link.type === 'entry' ? [link.entryId] : [])));
    const others = (inferred.get(entry.id) ?? []).filter((other) => !statedIds.has(other.id));
    return list([...stated.map(linkName), ...others.map((other) => other.name)]);
  };
  const columns: [string, number][] = [
    ['Entry ID', 38],
    [L.name, 32],
    [L.kind, 16],
    [L.lifecycle, 14],
    [L.purpose, 50],
    [L.businessProcess, 24],
    [L.owner, 20],
    [L.backupOwners, 24],
    [L.team, 18],
    [L.users, 24],
    [L.userCount, 12],
    [L.frequency, 14],
    [L.locations, 40],
    [L.files, 28],
    [L.dataCategories, 30],
    [L.sensitivity, 14],
    [L.criticality, 12],
    [L.criticalityImpact, 40],
    [L.dependsOn, 36],
    [L.feeds, 36],
    [L.backup, 36],
    [L.changeProcess, 36],
    [L.lastReviewed, 14],
    [L.tags, 20],
    [L.notes, 36],
    [OUTCOME_LABELS['not-met'], 12],
    [OUTCOME_LABELS['needs-info'], 12],
    [OUTCOME_LABELS['set-aside'], 12],
    [OUTCOME_LABELS.met, 10],
    ['Created', 22],
    ['Last changed', 22],
    ['Revision', 10],
  ];
  return {
    name: 'Entries',
    columns: columns.map(([header, width]) => ({ header, width })),
    rows: entries.map((entry) => {
      const counts = countOutcomes(findingsOf.get(entry.id) ?? []);
      return [
        entry.id,
        entry.name,
        KIND_LABELS[entry.kind],
        LIFECYCLE_LABELS[entry.lifecycle],
        entry.purpose,
        entry.businessProcess,
        entry.owner,
        list(entry.backupOwners),
        entry.team,
        entry.users,
        entry.userCount,
        entry.frequency ? FREQUENCY_LABELS[entry.frequency] : '',
        list(entry.locations),
        list(entry.files),
        list(entry.dataCategories.map((category) => DATA_CATEGORY_LABELS[category])),
        entry.sensitivity ? SENSITIVITY_LABELS[entry.sensitivity] : '',
        entry.criticality ? CRITICALITY_LABELS[entry.criticality] : '',
        entry.criticalityImpact,
        links(entry, 'dependsOn', inferredDependsOn),
        links(entry, 'feeds', inferredFeeds),
        entry.backup,
        entry.changeProcess,
        entry.lastReviewed ?? '',
        list(entry.tags),
        entry.notes,
        counts['not-met'],
        counts['needs-info'],
        counts['set-aside'],
        counts.met,
        entry.createdAt,
        entry.updatedAt,
        entry.revision,
      ];
    }),
  };
}

function findingsTable(entries: readonly Entry[], findingsOf: ReadonlyMap<string, readonly Finding[]>): DocTable {
  const rows: CellValue[][] = [];
  for (const entry of entries) {
    for (const finding of findingsOf.get(entry.id) ?? []) {
      if (finding.outcome === 'not-applicable') continue;
      rows.push([
        entry.id,
        entry.name,
        `${finding.packId} ${finding.packVersion}`,
        finding.title,
        SEVERITY_LABELS[finding.severity],
        OUTCOME_LABELS[finding.outcome],
        finding.outcome === 'met' ? '' : findingDetails(finding),
        finding.setAside?.reason ?? '',
        finding.setAside?.until ?? '',
        finding.setAside ? (finding.setAside.by === 'me' ? '' : finding.setAside.by) : '',
      ]);
    }
  }
  const columns: [string, number][] = [
    ['Entry ID', 38],
    ['Entry', 32],
    ['Guideline pack', 24],
    ['Guideline', 50],
    ['How much it matters', 18],
    ['Outcome', 16],
    ['Details', 60],
    ['Set aside because', 40],
    ['Set aside until', 14],
    ['Set aside by', 18],
  ];
  return { name: 'Findings', columns: columns.map(([header, width]) => ({ header, width })), rows };
}

function dependenciesTable(entries: readonly Entry[], liveById: Map<string, Entry>, missingEntry: string): DocTable {
  const rows: CellValue[][] = [];
  const describe = (link: DependencyLink): [string, string] =>
    link.type === 'system' ? [link.name, SYSTEM_LABEL] : [liveById.get(link.entryId)?.name ?? missingEntry, 'Entry'];
  for (const entry of entries) {
    for (const link of entry.dependsOn) {
      const [name, type] = describe(link);
      rows.push([name, type, entry.name, 'Entry', entry.name, FIELD_LABELS.dependsOn]);
    }
    for (const link of entry.feeds) {
      const [name, type] = describe(link);
      rows.push([entry.name, 'Entry', name, type, entry.name, FIELD_LABELS.feeds]);
    }
  }
  const columns: [string, number][] = [
    ['Data comes from', 32],
    ['Type', 16],
    ['Data goes to', 32],
    ['Type', 16],
    ['Stated in entry', 32],
    ['Stated as', 14],
  ];
  return { name: 'Dependencies', columns: columns.map(([header, width]) => ({ header, width })), rows };
}

/** One row per file an entry lists, with what Fieldbook found in it: the "Files" sheet. */
function filesTable(entries: readonly Entry[], filesOf: (entry: Entry) => DocFile[]): DocTable {
  const rows: CellValue[][] = [];
  for (const entry of entries) {
    for (const file of filesOf(entry)) {
      rows.push([entry.id, entry.name, file.path, FILE_STATE_LABELS[file.state], file.readAt ?? '', file.found, file.notes.join(' ')]);
    }
  }
  const columns: [string, number][] = [
    ['Entry ID', 38],
    ['Entry', 32],
    ['File', 50],
    ['Status', 18],
    ['Last read', 22],
    ['What Fieldbook found', 80],
    ['Notes', 40],
  ];
  return { name: 'Files', columns: columns.map(([header, width]) => ({ header, width })), rows };
}
