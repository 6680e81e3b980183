import { join } from 'node:path';
import type { EntryPatch } from '../../shared/entry';
import { EntryStore } from './entries';
import { EventHub } from './events';
import { Discovery } from './files/discovery';
import { EntryFiles } from './files/entryFiles';
import { GuidelineService } from './guidelines/guidelineService';
import { PackRegistry } from './guidelines/packRegistry';
import { homeSummary } from './home';
import { SettingsStore } from './settings';
import { SharingService } from './sharing/sharingService';
import type { RetryPolicy } from './sharing/syncEngine';
import { FileTokenVault, type TokenVault } from './sharing/tokenVault';
import { openDatabase, type Database } from './store/database';

export const DATABASE_FILE = 'fieldbook.sqlite';

/** One open fieldbook: its store, settings and event hub. Both hosts open it the same way. */
export interface Fieldbook {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly db: Database;
  readonly entries: EntryStore;
  readonly settings: SettingsStore;
  readonly events: EventHub;
  readonly guidelines: GuidelineService;
  readonly files: EntryFiles;
  readonly discovery: Discovery;
  readonly sharing: SharingService;
  createEntry(patch: EntryPatch): ReturnType<EntryStore['create']>;
  /** Deletes deleted entries for good, leaving nothing of them in the file; returns how many. */
  purgeDeleted(ids: readonly string[]): number;
  home(): ReturnType<typeof homeSummary>;
  close(): void;
}

export interface FieldbookOptions {
  dataDir: string;
  clock?: () => Date;
  /** The guideline pack to use as the built-in one (tests); default packs/baseline.yaml. */
  baselinePack?: string;
  /** The bundled inspection worker script (hosts pass it; from source it is found by itself). */
  inspectionWorkerPath?: string;
  /** Where the hub token is kept: the desktop app passes one backed by Electron's safeStorage. */
  tokenVault?: TokenVault;
  /** Sharing's HTTP function and retry timing (tests: a fault-injecting proxy, short waits). */
  hubFetch?: typeof fetch;
  hubRetry?: RetryPolicy;
  hubTimeoutMs?: number;
}

export function openFieldbook(options: FieldbookOptions): Fieldbook {
  const clock = options.clock ?? (() => new Date());
  const databasePath = join(options.dataDir, DATABASE_FILE);
  const db = openDatabase(databasePath);
  try {
    const events = new EventHub();
    const settings = new SettingsStore(options.dataDir, events);
    const entries = new EntryStore(db, events, clock);
    const files: EntryFiles = new EntryFiles(db, entries, clock, options.inspectionWorkerPath, (entryId) => {
      guidelines.forget(entryId);
      events.emit('findings.changed', { ids: [entryId] });
    });
    const guidelines = new GuidelineService(db, entries, events, clock, files, new PackRegistry(db, clock, options.baselinePack));
    const sharing = new SharingService({
      db,
      entries,
      guidelines,
      files,
      events,
      clock,
      vault: options.tokenVault ?? new FileTokenVault(options.dataDir),
      fetch: options.hubFetch,
      retry: options.hubRetry,
      timeoutMs: options.hubTimeoutMs,
    });
    return {
      dataDir: options.dataDir,
      databasePath,
      db,
      entries,
      settings,
      events,
      guidelines,
      files,
      discovery: new Discovery(events, () => files.inspector()),
      sharing,
      // A new entry's owner and team default to the user's profile.
      createEntry: (patch) => {
        const { profile } = settings.get();
        return entries.create({ owner: profile.name, team: profile.team, ...patch });
      },
      home: () => homeSummary(db, guidelines.attention()),
      purgeDeleted: (ids) => {
        const purged = db
          .transaction(() => {
            const removed = entries.purge(ids);
            if (removed.length === 0) return removed;
            sharing.forgetComments(removed);
            // FTS5 keeps a deleted row's words in its index until segments merge: merge them now.
            db.exec("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')");
            return removed;
          })
          .immediate();
        if (purged.length === 0) return 0;
        // secure_delete zeroed the freed pages; copying the WAL into the file and truncating it
        // leaves no older copy of those pages behind either.
        db.pragma('wal_checkpoint(TRUNCATE)');
        for (const id of purged) guidelines.forget(id);
        events.emit('entries.changed', { ids: purged, action: 'deleted' });
        return purged.length;
      },
      close: () => {
        sharing.stop();
        void files.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
