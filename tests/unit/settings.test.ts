import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../main/core/events';
import { SETTINGS_FILE, SettingsStore } from '../../main/core/settings';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

describe('settings', () => {
  it('start from calm defaults and are kept across restarts', () => {
    const dir = tempDir();
    const settings = new SettingsStore(dir, new EventHub());
    expect(settings.get()).toEqual({ profile: { name: '', team: '' }, theme: 'system' });
    settings.update({ profile: { name: 'Anna Berg' }, theme: 'dark' });
    expect(new SettingsStore(dir, new EventHub()).get()).toEqual({ profile: { name: 'Anna Berg', team: '' }, theme: 'dark' });
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it('a damaged settings file is reported and left untouched', () => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), '{"theme": "dark", ');
    expect(() => new SettingsStore(dir, new EventHub())).toThrow(expect.objectContaining({ code: 'store_corrupt' }));
    expect(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).toBe('{"theme": "dark", ');
  });

  it('a value this version does not know falls back to its default, and the rest is kept', () => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ theme: 'neon', profile: { name: 'Anna' } }));
    expect(new SettingsStore(dir, new EventHub()).get()).toEqual({ profile: { name: 'Anna', team: '' }, theme: 'system' });
  });
});
