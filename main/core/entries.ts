import { randomUUID } from 'node:crypto';
import type { DeletedEntry, EntryDetail, HistoryItem, ListPage, ResolvedListQuery } from '../../shared/contract';
import {
  CRITICALITY_LEVELS,
  Entry,
  EntryFields,
  type Criticality,
  type DependencyLink,
  type EntryPatch,
  type EntrySummary,
  blankEntryFields,
} from '../../shared/entry';
import { DATA_CATEGORY_LABELS, KIND_LABELS } from '../../shared/labels';
import { notFound } from './errors';
import type { EventHub } from './events';
import type { Database } from './store/database';
import { parseOrThrow } from './validation';

type HistoryAction = HistoryItem['action'];
type FieldChange = HistoryItem['changes'][number];

interface EntryRow {
  rowid: number;
  id: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  fields: string;
}

interface HistoryRow {
  entry_id: string;
  revision: number;
  at: string;
  action: HistoryAction;
  changes: string;
}

/** One entry as a complete export holds it: fields, deletion, and every history row. */
export interface EntryRecord {
  entry: Entry;
  deletedAt: string | null;
  history: HistoryItem[];
}

interface SummaryRow {
  id: string;
  name: string;
  kind: EntrySummary['kind'];
  owner: string;
  team: string;
  criticality_rank: number;
  sensitivity: EntrySummary['sensitivity'];
  lifecycle: EntrySummary['lifecycle'];
  tags: string;
  updated_at: string;
}

const SORT_COLUMNS: Record<ResolvedListQuery['sortBy'], string> = {
  name: 'e.name',
  updated: 'e.updated_at',
  criticality: 'e.criticality_rank',
  kind: 'e.kind',
  owner: 'e.owner',
};

export function criticalityRank(level: Criticality | null): number {
  return level === null ? 0 : CRITICALITY_LEVELS.indexOf(level) + 1;
}

function criticalityFromRank(rank: number): Criticality | null {
  return rank === 0 ? null : (CRITICALITY_LEVELS[rank - 1] ?? null);
}

/** The entries of one fieldbook: every write records its revision and history in the same transaction. */
export type EntryWriteHook = (entry: Entry, action: HistoryAction) => void;

export class EntryStore {
  private readonly statements;
  private readonly writeHooks: EntryWriteHook[] = [];

  constructor(
    private readonly db: Database,
    private readonly events: EventHub,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.statements = {
      byId: db.prepare<[string], EntryRow>('SELECT rowid, * FROM entries WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO entries (id, revision, created_at, updated_at, deleted_at, name, kind, owner, team,
           criticality_rank, sensitivity, lifecycle, tags, fields)
         VALUES (@id, @revision, @createdAt, @updatedAt, NULL, @name, @kind, @owner, @team,
           @criticalityRank, @sensitivity, @lifecycle, @tags, @fields)`,
      ),
      update: db.prepare(
        `UPDATE entries SET revision = @revision, updated_at = @updatedAt, name = @name, kind = @kind,
           owner = @owner, team = @team, criticality_rank = @criticalityRank, sensitivity = @sensitivity,
           lifecycle = @lifecycle, tags = @tags, fields = @fields
         WHERE id = @id`,
      ),
      setDeleted: db.prepare('UPDATE entries SET deleted_at = ?, revision = ?, updated_at = ? WHERE id = ?'),
      purge: db.prepare('DELETE FROM entries WHERE id = ? AND deleted_at IS NOT NULL'),
      history: db.prepare('INSERT INTO entry_history (entry_id, revision, at, action, changes) VALUES (?, ?, ?, ?, ?)'),
      historyOf: db.prepare<[string], { revision: number; at: string; action: HistoryAction; changes: string }>(
        'SELECT revision, at, action, changes FROM entry_history WHERE entry_id = ? ORDER BY revision DESC',
      ),
      ftsDelete: db.prepare('DELETE FROM entries_fts WHERE rowid = ?'),
      ftsInsert: db.prepare('INSERT INTO entries_fts (rowid, name, body) VALUES (?, ?, ?)'),
      tagsDelete: db.prepare('DELETE FROM entry_tags WHERE entry_id = ?'),
      tagInsert: db.prepare('INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?, ?)'),
      linksDelete: db.prepare('DELETE FROM entry_links WHERE from_id = ?'),
      linkInsert: db.prepare('INSERT OR IGNORE INTO entry_links (from_id, relation, to_id) VALUES (?, ?, ?)'),
      linksTo: db.prepare<[string], { id: string; name: string; relation: string }>(
        `SELECT e.id, e.name, l.relation FROM entry_links l JOIN entries e ON e.id = l.from_id
         WHERE l.to_id = ? AND e.deleted_at IS NULL ORDER BY e.name`,
      ),
      // Import: an entry and its history written exactly as they were recorded elsewhere.
      importInsert: db.prepare(
        `INSERT INTO entries (id, revision, created_at, updated_at, deleted_at, name, kind, owner, team,
           criticality_rank, sensitivity, lifecycle, tags, fields)
         VALUES (@id, @revision, @createdAt, @updatedAt, @deletedAt, @name, @kind, @owner, @team,
           @criticalityRank, @sensitivity, @lifecycle, @tags, @fields)`,
      ),
      importUpdate: db.prepare(
        `UPDATE entries SET revision = @revision, created_at = @createdAt, updated_at = @updatedAt, deleted_at = @deletedAt,
           name = @name, kind = @kind, owner = @owner, team = @team, criticality_rank = @criticalityRank,
           sensitivity = @sensitivity, lifecycle = @lifecycle, tags = @tags, fields = @fields
         WHERE id = @id`,
      ),
      historyDelete: db.prepare('DELETE FROM entry_history WHERE entry_id = ?'),
      historyAsc: db.prepare<[string], HistoryRow>(
        'SELECT entry_id, revision, at, action, changes FROM entry_history WHERE entry_id = ? ORDER BY revision',
      ),
      tagCounts: db.prepare<[], { tag: string; count: number }>(
        `SELECT t.tag AS tag, count(*) AS count FROM entry_tags t JOIN entries e ON e.id = t.entry_id
         WHERE e.deleted_at IS NULL GROUP BY t.tag ORDER BY t.tag COLLATE NOCASE`,
      ),
    };
  }

  /** Runs `hook` inside the transaction of every edit, deletion and restore (sharing's outbox). */
  onWrite(hook: EntryWriteHook): void {
    this.writeHooks.push(hook);
  }

  private written(entry: Entry, action: HistoryAction): void {
    for (const hook of this.writeHooks) hook(entry, action);
  }

  create(patch: EntryPatch): Entry {
    const fields = parseOrThrow(EntryFields, { ...blankEntryFields(), ...patch }, 'This entry cannot be saved');
    const now = this.clock().toISOString();
    const entry: Entry = { ...fields, id: randomUUID(), revision: 1, createdAt: now, updatedAt: now };
    this.db.transaction(() => this.insert(entry)).immediate();
    this.events.emit('entries.changed', { ids: [entry.id], action: 'created' });
    return entry;
  }

  /** Creates many entries in one transaction (demo data, imports). */
  createMany(patches: EntryPatch[], ids: string[] = patches.map(() => randomUUID())): Entry[] {
    const now = this.clock().toISOString();
    const entries = patches.map((patch, index) => {
      const fields = parseOrThrow(EntryFields, { ...blankEntryFields(), ...patch }, `Entry ${index + 1} cannot be saved`);
      return { ...fields, id: ids[index]!, revision: 1, createdAt: now, updatedAt: now };
    });
    this.db.transaction(() => entries.forEach((entry) => this.insert(entry))).immediate();
    this.events.emit('entries.changed', { ids: entries.map((entry) => entry.id), action: 'created' });
    return entries;
  }

  update(id: string, changes: EntryPatch): Entry {
    const result = this.db.transaction(() => {
      const { row, entry } = this.requireLive(id);
      const fields = parseOrThrow(EntryFields, { ...fieldsOf(entry), ...changes }, 'This change cannot be saved');
      const diff = diffFields(fieldsOf(entry), fields);
      if (diff.length === 0) return { entry, changed: false };
      const updated: Entry = { ...entry, ...fields, revision: entry.revision + 1, updatedAt: this.nextTimestamp(entry) };
      this.statements.update.run(columnsOf(updated));
      this.statements.history.run(id, updated.revision, updated.updatedAt, 'updated', JSON.stringify(diff));
      this.index(row.rowid, updated);
      this.written(updated, 'updated');
      return { entry: updated, changed: true };
    }).immediate();
    if (result.changed) this.events.emit('entries.changed', { ids: [id], action: 'updated' });
    return result.entry;
  }

  delete(id: string): { id: string; name: string } {
    const entry = this.db.transaction(() => {
      const { entry } = this.requireLive(id);
      const at = this.nextTimestamp(entry);
      this.statements.setDeleted.run(at, entry.revision + 1, at, id);
      this.statements.history.run(id, entry.revision + 1, at, 'deleted', '[]');
      this.written({ ...entry, revision: entry.revision + 1, updatedAt: at }, 'deleted');
      return entry;
    }).immediate();
    this.events.emit('entries.changed', { ids: [id], action: 'deleted' });
    return { id, name: entry.name };
  }

  restore(id: string): Entry {
    const restored = this.db.transaction(() => {
      const row = this.statements.byId.get(id);
      if (!row) throw notFound('This entry');
      const entry = entryOf(row);
      if (row.deleted_at === null) return entry;
      const at = this.nextTimestamp(entry);
      this.statements.setDeleted.run(null, entry.revision + 1, at, id);
      this.statements.history.run(id, entry.revision + 1, at, 'restored', '[]');
      const restored = { ...entry, revision: entry.revision + 1, updatedAt: at };
      this.written(restored, 'restored');
      return restored;
    }).immediate();
    this.events.emit('entries.changed', { ids: [id], action: 'restored' });
    return restored;
  }

  /** Deleted entries, kept with their history so they can be brought back; most recently deleted first. */
  deleted(): DeletedEntry[] {
    return this.db
      .prepare<[], { id: string; name: string; kind: DeletedEntry['kind']; deleted_at: string }>(
        'SELECT id, name, kind, deleted_at FROM entries WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, name',
      )
      .all()
      .map((row) => ({ id: row.id, name: row.name, kind: row.kind, deletedAt: row.deleted_at }));
  }

  /**
   * Removes deleted entries from the file for good: the entry, its history, tags, links, findings,
   * set-asides and file facts (their tables cascade) and its search row. Entries that are not
   * deleted (or not there) are left alone. Returns the ids removed. Run inside a transaction by
   * the caller, who then rewrites the search index and the WAL (see Fieldbook.purgeDeleted).
   */
  purge(ids: readonly string[]): string[] {
    const purged: string[] = [];
    for (const id of new Set(ids)) {
      const row = this.statements.byId.get(id);
      if (!row || row.deleted_at === null) continue;
      this.statements.ftsDelete.run(row.rowid);
      this.statements.purge.run(id);
      purged.push(id);
    }
    return purged;
  }

  get(id: string): Entry {
    return this.requireLive(id).entry;
  }

  detail(id: string): EntryDetail {
    const entry = this.get(id);
    const linkedIds = [...entry.dependsOn, ...entry.feeds].flatMap((link) => (link.type === 'entry' ? [link.entryId] : []));
    const linkedNames: Record<string, string> = {};
    if (linkedIds.length > 0) {
      const rows = this.db
        .prepare<string[], { id: string; name: string }>(
          `SELECT id, name FROM entries WHERE deleted_at IS NULL AND id IN (${linkedIds.map(() => '?').join(',')})`,
        )
        .all(...linkedIds);
      for (const row of rows) linkedNames[row.id] = row.name;
    }
    const backlinks = this.statements.linksTo.all(id);
    return {
      entry,
      linkedNames,
      // Another entry that feeds this one means this one depends on it, and vice versa.
      inferredDependsOn: backlinks.filter((link) => link.relation === 'feeds').map(({ id, name }) => ({ id, name })),
      inferredFeeds: backlinks.filter((link) => link.relation === 'dependsOn').map(({ id, name }) => ({ id, name })),
    };
  }

  history(id: string): HistoryItem[] {
    if (!this.statements.byId.get(id)) throw notFound('This entry');
    return this.statements.historyOf.all(id).map((row) => ({
      revision: row.revision,
      at: row.at,
      action: row.action,
      changes: JSON.parse(row.changes) as FieldChange[],
    }));
  }

  list(query: ResolvedListQuery): ListPage {
    const where: string[] = ['e.deleted_at IS NULL'];
    const params: unknown[] = [];
    let from = 'entries e';
    const match = toFtsQuery(query.query);
    if (match) {
      from = 'entries_fts f JOIN entries e ON e.rowid = f.rowid';
      where.push('entries_fts MATCH ?');
      params.push(match);
    }
    const inList = (column: string, values: readonly unknown[]) => {
      if (values.length === 0) return;
      where.push(`${column} IN (${values.map(() => '?').join(',')})`);
      params.push(...values);
    };
    inList('e.kind', query.kinds);
    inList('e.criticality_rank', query.criticalities.map(criticalityRank));
    inList('e.sensitivity', query.sensitivities);
    inList('e.lifecycle', query.lifecycles);
    if (query.tags.length > 0) {
      where.push(
        `EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag IN (${query.tags.map(() => '?').join(',')}))`,
      );
      params.push(...query.tags);
    }
    const whereSql = where.join(' AND ');
    const direction = query.sortDirection === 'desc' ? 'DESC' : 'ASC';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${whereSql}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare<unknown[], SummaryRow>(
        `SELECT e.id, e.name, e.kind, e.owner, e.team, e.criticality_rank, e.sensitivity, e.lifecycle, e.tags, e.updated_at
         FROM ${from} WHERE ${whereSql}
         ORDER BY ${SORT_COLUMNS[query.sortBy]} ${direction}, e.name ${direction}, e.id
         LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit, query.offset);
    return { total, offset: query.offset, items: rows.map(summaryOf) };
  }

  tags(): { tag: string; count: number }[] {
    return this.statements.tagCounts.all();
  }

  /** Every live entry, for whole-fieldbook views (home, export). */
  all(): Entry[] {
    return this.db
      .prepare<[], EntryRow>('SELECT rowid, * FROM entries WHERE deleted_at IS NULL ORDER BY name')
      .all()
      .map(entryOf);
  }

  /**
   * Entries with their full history, oldest revision first, deleted ones included: what a
   * complete export holds. `ids` null means every entry in the fieldbook.
   */
  records(ids: readonly string[] | null = null): EntryRecord[] {
    const rows =
      ids === null
        ? this.db.prepare<[], EntryRow>('SELECT rowid, * FROM entries ORDER BY name, id').all()
        : ids.flatMap((id) => {
            const row = this.statements.byId.get(id);
            return row ? [row] : [];
          });
    const historyRows =
      ids === null
        ? this.db.prepare<[], HistoryRow>('SELECT entry_id, revision, at, action, changes FROM entry_history ORDER BY entry_id, revision').all()
        : rows.flatMap((row) => this.statements.historyAsc.all(row.id));
    const history = new Map<string, HistoryItem[]>();
    for (const row of historyRows) {
      const items = history.get(row.entry_id) ?? [];
      items.push({ revision: row.revision, at: row.at, action: row.action, changes: JSON.parse(row.changes) as FieldChange[] });
      history.set(row.entry_id, items);
    }
    return rows.map((row) => ({ entry: entryOf(row), deletedAt: row.deleted_at, history: history.get(row.id) ?? [] }));
  }

  /**
   * Writes an entry exactly as it was recorded elsewhere (an import): its row with the same
   * revision and dates, its history rows as they were (replacing any here), and its search
   * index, tags and links. Call it inside the importer's transaction; emits nothing.
   */
  importRecord(record: EntryRecord): void {
    const { entry, deletedAt, history } = record;
    this.db.transaction(() => {
      const existing = this.statements.byId.get(entry.id);
      const columns = { ...columnsOf(entry), createdAt: entry.createdAt, deletedAt };
      let rowid: number;
      if (existing) {
        this.statements.importUpdate.run(columns);
        this.statements.historyDelete.run(entry.id);
        rowid = existing.rowid;
      } else {
        rowid = Number(this.statements.importInsert.run(columns).lastInsertRowid);
      }
      for (const item of history) {
        this.statements.history.run(entry.id, item.revision, item.at, item.action, JSON.stringify(item.changes));
      }
      this.index(rowid, entry);
    })();
  }

  private insert(entry: Entry): void {
    const info = this.statements.insert.run({ ...columnsOf(entry), createdAt: entry.createdAt });
    this.statements.history.run(entry.id, 1, entry.createdAt, 'created', JSON.stringify(diffFields(null, fieldsOf(entry))));
    this.index(Number(info.lastInsertRowid), entry);
  }

  /** Keeps the search index, tags and links in step with the entry, inside the caller's transaction. */
  private index(rowid: number, entry: Entry): void {
    this.statements.ftsDelete.run(rowid);
    this.statements.ftsInsert.run(rowid, entry.name, searchableText(entry));
    this.statements.tagsDelete.run(entry.id);
    for (const tag of entry.tags) this.statements.tagInsert.run(entry.id, tag);
    this.statements.linksDelete.run(entry.id);
    const link = (relation: string) => (target: DependencyLink) => {
      if (target.type === 'entry') this.statements.linkInsert.run(entry.id, relation, target.entryId);
    };
    entry.dependsOn.forEach(link('dependsOn'));
    entry.feeds.forEach(link('feeds'));
  }

  private requireLive(id: string): { row: EntryRow; entry: Entry } {
    const row = this.statements.byId.get(id);
    if (!row || row.deleted_at !== null) throw notFound('This entry');
    return { row, entry: entryOf(row) };
  }

  /** Timestamps of one entry never go backwards, even if the system clock does. */
  private nextTimestamp(entry: Entry): string {
    const now = this.clock().toISOString();
    return now > entry.updatedAt ? now : new Date(Date.parse(entry.updatedAt) + 1).toISOString();
  }
}

/** Builds every entry with the same shape (field order), which keeps whole-fieldbook work fast. */
function entryOf(row: EntryRow): Entry {
  const fields = JSON.parse(row.fields) as EntryFields;
  return {
    name: fields.name,
    kind: fields.kind,
    purpose: fields.purpose,
    businessProcess: fields.businessProcess,
    owner: fields.owner,
    backupOwners: fields.backupOwners,
    team: fields.team,
    users: fields.users,
    userCount: fields.userCount,
    frequency: fields.frequency,
    locations: fields.locations,
    files: fields.files,
    dataCategories: fields.dataCategories,
    sensitivity: fields.sensitivity,
    criticality: fields.criticality,
    criticalityImpact: fields.criticalityImpact,
    dependsOn: fields.dependsOn,
    feeds: fields.feeds,
    lifecycle: fields.lifecycle,
    backup: fields.backup,
    changeProcess: fields.changeProcess,
    lastReviewed: fields.lastReviewed,
    notes: fields.notes,
    tags: fields.tags,
    answers: fields.answers ?? {},
    id: row.id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fieldsOf(entry: Entry): EntryFields {
  const { id: _id, revision: _revision, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = entry;
  return fields;
}

function columnsOf(entry: Entry) {
  return {
    id: entry.id,
    revision: entry.revision,
    updatedAt: entry.updatedAt,
    name: entry.name,
    kind: entry.kind,
    owner: entry.owner,
    team: entry.team,
    criticalityRank: criticalityRank(entry.criticality),
    sensitivity: entry.sensitivity,
    lifecycle: entry.lifecycle,
    tags: JSON.stringify(entry.tags),
    fields: JSON.stringify(fieldsOf(entry)),
  };
}

function summaryOf(row: SummaryRow): EntrySummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    owner: row.owner,
    team: row.team,
    criticality: criticalityFromRank(row.criticality_rank),
    sensitivity: row.sensitivity,
    lifecycle: row.lifecycle,
    tags: JSON.parse(row.tags) as string[],
    updatedAt: row.updated_at,
  };
}

/** The fields that differ between two versions, for the history. `before` null means a new entry. */
export function diffFields(before: EntryFields | null, after: EntryFields): FieldChange[] {
  const blank = blankEntryFields();
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as (keyof EntryFields)[]) {
    const old = before === null ? blank[field] : before[field];
    if (JSON.stringify(old) !== JSON.stringify(after[field])) {
      changes.push({ field, before: before === null ? null : old, after: after[field] });
    }
  }
  return changes;
}

/** All the text a person might search for, besides the name. */
function searchableText(entry: Entry): string {
  const systems = [...entry.dependsOn, ...entry.feeds].flatMap((link) => (link.type === 'system' ? [link.name] : []));
  return [
    KIND_LABELS[entry.kind],
    entry.purpose,
    entry.businessProcess,
    entry.owner,
    ...entry.backupOwners,
    entry.team,
    entry.users,
    ...entry.locations,
    ...entry.files,
    ...entry.dataCategories.map((category) => DATA_CATEGORY_LABELS[category]),
    entry.criticalityImpact,
    entry.backup,
    entry.changeProcess,
    entry.notes,
    ...entry.tags,
    ...systems,
  ]
    .filter((text) => text.length > 0)
    .join('\n');
}

/** Turns what the user typed into an FTS5 query: every word must match, as a prefix. */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
