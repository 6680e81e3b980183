import { create } from 'zustand';
import type { AppInfo, CallError, Settings } from '../../../shared/contract';
import { api, toCallError } from '../../api/client';
import { applySettingsPatch, type Theme } from './settingsState';

const PROFILE_DEBOUNCE_MS = 400;
const THEME_KEY = 'fieldbook.theme';

type ProfileField = keyof Settings['profile'];

interface SettingsStore {
  settings: Settings | null;
  /** The profile as typed; saved a moment after typing stops. */
  profileDraft: Settings['profile'];
  info: AppInfo | null;
  status: 'idle' | 'saving' | 'saved' | 'failed';
  error: CallError | null;
  load(): Promise<void>;
  loadInfo(): Promise<void>;
  editProfile(field: ProfileField, value: string): void;
  setTheme(theme: Theme): Promise<void>;
  flushProfile(): Promise<void>;
  /** Settings changed in another window. */
  received(settings: Settings): void;
}

let profileTimer: ReturnType<typeof setTimeout> | undefined;

/** The theme last used, so the window can paint in it before the settings arrive. */
export function rememberedTheme(): Theme {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

function rememberTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Private windows may refuse; the theme then follows the settings once they arrive.
  }
}

export const useSettingsStore = create<SettingsStore>()((set, get) => ({
  settings: null,
  profileDraft: { name: '', team: '' },
  info: null,
  status: 'idle',
  error: null,

  async load() {
    try {
      const settings = await api.call('settings.get', {});
      rememberTheme(settings.theme);
      set({ settings, profileDraft: settings.profile, error: null });
    } catch (error) {
      set({ error: toCallError(error) });
    }
  },

  async loadInfo() {
    try {
      set({ info: await api.call('app.info', {}) });
    } catch (error) {
      set({ error: toCallError(error) });
    }
  },

  editProfile(field, value) {
    set((store) => ({ profileDraft: { ...store.profileDraft, [field]: value }, status: 'saving' }));
    clearTimeout(profileTimer);
    profileTimer = setTimeout(() => void get().flushProfile(), PROFILE_DEBOUNCE_MS);
  },

  async flushProfile() {
    clearTimeout(profileTimer);
    const { settings, profileDraft } = get();
    if (!settings) return;
    if (settings.profile.name === profileDraft.name && settings.profile.team === profileDraft.team) {
      if (get().status === 'saving') set({ status: 'saved' });
      return;
    }
    set({ status: 'saving' });
    try {
      const saved = await api.call('settings.update', { profile: profileDraft }, { inline: true });
      // Keep what was typed meanwhile; only the stored copy moves on, and the rest goes next.
      const draft = get().profileDraft;
      const more = draft.name !== saved.profile.name || draft.team !== saved.profile.team;
      set({ settings: saved, status: more ? 'saving' : 'saved', error: null });
      if (more) profileTimer = setTimeout(() => void get().flushProfile(), PROFILE_DEBOUNCE_MS);
    } catch (error) {
      set({ status: 'failed', error: toCallError(error) });
    }
  },

  async setTheme(theme) {
    const before = get().settings;
    if (!before) return;
    rememberTheme(theme);
    set({ settings: applySettingsPatch(before, { theme }) });
    try {
      set({ settings: await api.call('settings.update', { theme }, { inline: true }), error: null });
    } catch (error) {
      set({ status: 'failed', error: toCallError(error) });
    }
  },

  received(settings) {
    rememberTheme(settings.theme);
    const { status, profileDraft, settings: before } = get();
    const typing =
      status === 'saving' ||
      (before !== null && (before.profile.name !== profileDraft.name || before.profile.team !== profileDraft.team));
    set({ settings, ...(typing ? {} : { profileDraft: settings.profile }) });
  },
}));
