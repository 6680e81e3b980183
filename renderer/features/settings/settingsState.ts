import type { Settings, SettingsPatch } from '../../../shared/contract';

export type Theme = Settings['theme'];

/** The attribute value on <html>: none for "follow the system". */
export function themeAttribute(theme: Theme): 'light' | 'dark' | null {
  return theme === 'system' ? null : theme;
}

/** Merges a change into settings the way the store will, so the window can show it at once. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    profile: { ...settings.profile, ...patch.profile },
    theme: patch.theme ?? settings.theme,
  };
}
