import { statSync } from 'node:fs';
import type { FilePreview } from '../../../shared/contract';
import type { Entry, EntryPatch } from '../../../shared/entry';
import { InspectionResult } from '../../../shared/inspection';
import type { EntryStore } from '../entries';
import { noFacts, type RuleFacts } from '../guidelines/facts';
import { describeInspection } from '../inspect/describeInspection';
import { createInspectionPool, type InspectionPool } from '../inspect/inspectionPool';
import { toRuleFacts } from '../inspect/toRuleFacts';
import { previewCopy } from './previewCopy';
import { suggestEntry } from './suggestEntry';
import type { Database } from '../store/database';

export interface InspectedFile {
  path: string;
  inspectedAt: string;
  result: InspectionResult;
}

/**
 * The facts found in each entry's files (`entry.files`), kept with the file's fingerprint and
 * refreshed when the file changes. Files are only read, off the calling thread, within limits.
 */
export class EntryFiles {
  private pool: InspectionPool | null = null;
  private readonly statements;

  constructor(
    private readonly db: Database,
    private readonly entries: EntryStore,
    private readonly clock: () => Date,
    private readonly workerPath: string | undefined,
    /** Called after an entry's facts changed, so its findings are checked again. */
    private readonly onFactsChanged: (entryId: string) => void,
  ) {
    this.statements = {
      ofEntry: db.prepare<[string], { path: string; inspected_at: string; result: string }>(
        'SELECT path, inspected_at, result FROM entry_files WHERE entry_id = ? ORDER BY path',
      ),
      all: db.prepare<[], { entry_id: string; result: string }>('SELECT entry_id, result FROM entry_files'),
      save: db.prepare(
        'INSERT OR REPLACE INTO entry_files (entry_id, path, bytes, sha256, file_modified, inspected_at, result) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      forget: db.prepare('DELETE FROM entry_files WHERE entry_id = ? AND path = ?'),
    };
  }

  /** What was found in the entry's files, as last inspected. */
  files(entryId: string): InspectedFile[] {
    return this.statements.ofEntry.all(entryId).map((row) => ({
      path: row.path,
      inspectedAt: row.inspected_at,
      result: JSON.parse(row.result) as InspectionResult,
    }));
  }

  /** What guideline rules see of one entry's files. */
  ruleFacts(entryId: string): RuleFacts {
    const files = this.files(entryId);
    return files.length === 0 ? noFacts() : toRuleFacts(files.map((file) => file.result));
  }

  /** Rule facts of every entry that has inspected files (for a full check). */
  ruleFactsByEntry(): Map<string, RuleFacts> {
    const byEntry = new Map<string, InspectionResult[]>();
    for (const row of this.statements.all.all()) {
      const list = byEntry.get(row.entry_id) ?? [];
      list.push(JSON.parse(row.result) as InspectionResult);
      byEntry.set(row.entry_id, list);
    }
    return new Map([...byEntry].map(([id, results]) => [id, toRuleFacts(results)]));
  }

  /** The entry's files with a plain-words summary of each. */
  described(entryId: string): (InspectedFile & { summary: string })[] {
    this.entries.get(entryId);
    return this.files(entryId).map((file) => ({ ...file, summary: describeInspection(file.result) }));
  }

  /** Reads files that belong to no entry yet, and suggests what a new entry could say. */
  async preview(paths: string[]): Promise<{ path: string; summary: string; result: InspectionResult; suggestion: EntryPatch }[]> {
    const results = await this.inspectPaths(paths);
    return results.map((result) => ({ path: result.path, summary: describeInspection(result), result, suggestion: suggestEntry(result) }));
  }

  /** Reads a copy of a file whose location is unknown (dropped in a browser tab); the copy is deleted at once. */
  previewCopy(copy: { name: string; bytes: number; base64: string }): Promise<FilePreview> {
    return previewCopy((path) => this.inspector().inspect(path), copy);
  }

  /** Inspects files without attaching them. */
  async inspectPaths(paths: string[]): Promise<InspectionResult[]> {
    return Promise.all(paths.map((path) => this.inspector().inspect(path)));
  }

  /**
   * Reads the entry's files whose size or date changed since they were last read (or all, when
   * `force`), stores what was found, and forgets files no longer listed. Returns the files.
   */
  async refresh(entryId: string, force = false): Promise<InspectedFile[]> {
    const entry = this.entries.get(entryId);
    const known = new Map(this.files(entryId).map((file) => [file.path, file]));
    const stale = entry.files.filter((path) => force || !known.has(path) || changedOnDisk(known.get(path)!.result));
    const gone = [...known.keys()].filter((path) => !entry.files.includes(path));
    if (stale.length === 0 && gone.length === 0) return this.files(entryId);
    const results = await this.inspectPaths(stale);
    const inspectedAt = this.clock().toISOString();
    this.db.transaction(() => {
      for (const path of gone) this.statements.forget.run(entryId, path);
      for (const result of results) {
        this.statements.save.run(entryId, result.path, result.bytes, result.sha256, result.fileModified, inspectedAt, JSON.stringify(result));
      }
    }).immediate();
    this.onFactsChanged(entryId);
    return this.files(entryId);
  }

  /** Re-reads the changed files of every entry (a sweep the hosts run now and then). */
  async refreshChanged(entries: Entry[] = this.entries.all()): Promise<number> {
    let refreshed = 0;
    for (const entry of entries) {
      if (entry.files.length === 0) continue;
      const known = this.files(entry.id);
      const needs = entry.files.some((path) => {
        const file = known.find((candidate) => candidate.path === path);
        return !file || changedOnDisk(file.result);
      });
      if (needs || known.some((file) => !entry.files.includes(file.path))) {
        await this.refresh(entry.id);
        refreshed++;
      }
    }
    return refreshed;
  }

  /**
   * Notices when files change on disk and refreshes their facts, by comparing size and date
   * every `intervalMs` (works on network shares, where change notifications often do not).
   */
  watch(intervalMs = 30_000): () => void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.refreshChanged()
        .catch((error: unknown) => console.error('Refreshing file facts failed:', error))
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }

  /** The shared pool of inspection workers, started on first use. */
  inspector(): InspectionPool {
    this.pool ??= createInspectionPool(this.workerPath ? { workerPath: this.workerPath } : {});
    return this.pool;
  }
}

/** A file changed when its size or modification date differs from what was read. */
function changedOnDisk(result: InspectionResult): boolean {
  try {
    const stats = statSync(result.path);
    return stats.size !== result.bytes || stats.mtime.toISOString() !== result.fileModified;
  } catch {
    // Gone or unreadable now: read again, so the entry shows the error.
    return result.error === null;
  }
}
