import { describe, expect, it } from 'vitest';
import { applySettingsPatch, themeAttribute } from '../../renderer/features/settings/settingsState';
import { relativeTime } from '../../renderer/format/time';

describe('settings in the window', () => {
  it('"Same as my computer" sets no theme attribute, so the OS decides', () => {
    expect(themeAttribute('system')).toBeNull();
    expect(themeAttribute('dark')).toBe('dark');
  });

  it('a profile change keeps the other profile field and the theme', () => {
    const before = { profile: { name: 'Maria', team: 'Finance' }, theme: 'dark' as const };
    expect(applySettingsPatch(before, { profile: { name: 'Maria Keller' } })).toEqual({
      profile: { name: 'Maria Keller', team: 'Finance' },
      theme: 'dark',
    });
  });
});

describe('times in plain words', () => {
  const now = new Date('2026-11-25T12:00:00.000Z');

  it('a moment ago is "just now"', () => {
    expect(relativeTime('2026-11-25T11:59:40.000Z', now, 'en')).toBe('just now');
  });

  it('minutes, days and weeks read naturally', () => {
    expect(relativeTime('2026-11-25T11:55:00.000Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-11-24T12:00:00.000Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-11-04T12:00:00.000Z', now, 'en')).toBe('3 weeks ago');
  });
});
