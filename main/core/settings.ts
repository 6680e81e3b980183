import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Settings, type SettingsPatch } from '../../shared/contract';
import { FieldbookError } from './errors';
import type { EventHub } from './events';
import { toStoreError } from './store/database';

const DEFAULTS: Settings = { profile: { name: '', team: '' }, theme: 'system' };
export const SETTINGS_FILE = 'settings.json';

/**
 * The user's preferences, in settings.json beside the fieldbook. Written atomically (a temporary
 * file, then a rename), so a crash never leaves half a file. A small file read once at start-up:
 * no settings library needed, and start-up stays quick.
 */
export class SettingsStore {
  private readonly path: string;
  private current: Settings;

  constructor(
    dataDir: string,
    private readonly events: EventHub,
  ) {
    this.path = join(dataDir, SETTINGS_FILE);
    this.current = this.read();
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    const next: Settings = {
      profile: { ...this.current.profile, ...patch.profile },
      theme: patch.theme ?? this.current.theme,
    };
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`);
      renameSync(temporary, this.path);
    } catch (error) {
      throw toStoreError(error, this.path);
    }
    this.current = next;
    this.events.emit('settings.changed', next);
    return next;
  }

  private read(): Settings {
    if (!existsSync(this.path)) return DEFAULTS;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      throw new FieldbookError(
        'store_corrupt',
        `The settings file ${this.path} could not be read: ${(error as Error).message}`,
        'Fieldbook left it untouched. Fix or move settings.json aside and start Fieldbook again; your entries are not affected.',
      );
    }
    // Keep each value that is valid and use the default for the rest: a setting written by a
    // newer version is not an error.
    const candidate = (raw ?? {}) as { profile?: { name?: unknown; team?: unknown }; theme?: unknown };
    const valid = <T>(schema: { safeParse(value: unknown): { success: boolean; data?: T } }, value: unknown, fallback: T): T => {
      const result = schema.safeParse(value);
      return result.success ? (result.data as T) : fallback;
    };
    const profile = Settings.shape.profile.shape;
    return {
      profile: {
        name: valid(profile.name, candidate.profile?.name, DEFAULTS.profile.name),
        team: valid(profile.team, candidate.profile?.team, DEFAULTS.profile.team),
      },
      theme: valid(Settings.shape.theme, candidate.theme, DEFAULTS.theme),
    };
  }
}
