import { join } from 'node:path';
import type { EntryPatch } from '../../shared/entry';
import { EntryStore } from './entries';
import { EventHub } from './events';
import { GuidelineService } from './guidelines/guidelineService';
import { homeSummary } from './home';
import { SettingsStore } from './settings';
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
  createEntry(patch: EntryPatch): ReturnType<EntryStore['create']>;
  home(): ReturnType<typeof homeSummary>;
  close(): void;
}

export function openFieldbook(options: { dataDir: string; clock?: () => Date; baselinePack?: string }): Fieldbook {
  const clock = options.clock ?? (() => new Date());
  const databasePath = join(options.dataDir, DATABASE_FILE);
  const db = openDatabase(databasePath);
  try {
    const events = new EventHub();
    const settings = new SettingsStore(options.dataDir, events);
    const entries = new EntryStore(db, events, clock);
    const guidelines = new GuidelineService(db, entries, events, clock, options.baselinePack);
    return {
      dataDir: options.dataDir,
      databasePath,
      db,
      entries,
      settings,
      events,
      guidelines,
      // A new entry's owner and team default to the user's profile.
      createEntry: (patch) => {
        const { profile } = settings.get();
        return entries.create({ owner: profile.name, team: profile.team, ...patch });
      },
      home: () => {
        const all = entries.all();
        return homeSummary(db, all, guidelines.actionableFindings(all));
      },
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
