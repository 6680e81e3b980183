import Conf from 'conf';
import { Settings, type SettingsPatch } from '../../shared/contract';
import { FieldbookError } from './errors';
import type { EventHub } from './events';

const DEFAULTS: Settings = { profile: { name: '', team: '' }, theme: 'system' };

/** The user's preferences, kept in settings.json beside the fieldbook (conf: atomic writes). */
export class SettingsStore {
  private readonly conf: Conf<Settings>;

  constructor(
    dataDir: string,
    private readonly events: EventHub,
  ) {
    try {
      this.conf = new Conf<Settings>({ projectName: 'fieldbook', cwd: dataDir, configName: 'settings', defaults: DEFAULTS });
    } catch (error) {
      throw new FieldbookError(
        'store_corrupt',
        `The settings file in ${dataDir} could not be read: ${(error as Error).message}`,
        'Fieldbook left it untouched. Fix or move settings.json aside and start Fieldbook again; your entries are not affected.',
      );
    }
  }

  get(): Settings {
    const parsed = Settings.safeParse(this.conf.store);
    return parsed.success ? parsed.data : { ...DEFAULTS, ...this.conf.store, profile: { ...DEFAULTS.profile } };
  }

  update(patch: SettingsPatch): Settings {
    const current = this.get();
    const next: Settings = {
      profile: { ...current.profile, ...patch.profile },
      theme: patch.theme ?? current.theme,
    };
    this.conf.store = next;
    this.events.emit('settings.changed', next);
    return next;
  }
}
