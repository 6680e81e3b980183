import { useEffect, useRef } from 'react';
import { THEMES } from '../../../shared/vocabulary';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { isMac, shortcutList } from '../../app/shortcuts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RadioGroup, TextField } from '../../components/formFields';
import { DeletedEntries } from './DeletedEntries';
import { useSettingsStore } from './settingsStore';
import type { Theme } from './settingsState';

const THEME_LABELS: Record<Theme, string> = { system: 'Same as my computer', light: 'Light', dark: 'Dark' };
const THEME_OPTIONS = THEMES.map((value) => ({ value, label: THEME_LABELS[value] }));

/** Profile, theme, where the data lives, and the keyboard shortcuts. */
export function SettingsView() {
  const settings = useSettingsStore((store) => store.settings);
  const profile = useSettingsStore((store) => store.profileDraft);
  const info = useSettingsStore((store) => store.info);
  const status = useSettingsStore((store) => store.status);
  const error = useSettingsStore((store) => store.error);
  const load = useSettingsStore((store) => store.load);
  const loadInfo = useSettingsStore((store) => store.loadInfo);
  const editProfile = useSettingsStore((store) => store.editProfile);
  const flushProfile = useSettingsStore((store) => store.flushProfile);
  const setTheme = useSettingsStore((store) => store.setTheme);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Settings');

  useEffect(() => {
    void loadInfo();
    return () => {
      void flushProfile();
    };
  }, [loadInfo, flushProfile]);

  useFocusHeading(headingRef);

  const statusText = status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : '';
  return (
    <div className="view view-narrow">
      <h1 ref={headingRef} tabIndex={-1}>
        Settings
      </h1>
      {error && <ErrorAlert error={error} onRetry={() => void (settings ? flushProfile() : load())} />}

      <section className="card settings-section" aria-labelledby="settings-profile">
        <div className="section-title-row">
          <h2 id="settings-profile">Your profile</h2>
          <p className="save-status" role="status">
            {statusText}
          </p>
        </div>
        <p className="muted">New entries start with you as the owner, in your team.</p>
        {settings ? (
          <div className="form-grid">
            <TextField label="Your name" value={profile.name} onChange={(value) => editProfile('name', value)} autoComplete="name" />
            <TextField label="Your team" value={profile.team} onChange={(value) => editProfile('team', value)} autoComplete="organization-title" />
          </div>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>

      <section className="card settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">Appearance</h2>
        {settings && (
          <RadioGroup legend="Theme" name="theme" options={THEME_OPTIONS} value={settings.theme} onChange={(theme) => void setTheme(theme)} />
        )}
      </section>

      <section className="card settings-section" aria-labelledby="settings-data">
        <h2 id="settings-data">Where your data lives</h2>
        <p className="muted">
          Everything is in this folder on your computer; copy it to back up. Nothing leaves it unless you share it.
        </p>
        {info ? (
          <dl className="info-list">
            <div>
              <dt>Data folder</dt>
              <dd>
                <code className="path">{info.dataDir}</code>
              </dd>
            </div>
            <div>
              <dt>Database file</dt>
              <dd>
                <code className="path">{info.databasePath}</code>
              </dd>
            </div>
            <div>
              <dt>Fieldbook version</dt>
              <dd>{info.version}</dd>
            </div>
          </dl>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>

      <DeletedEntries />

      <section className="card settings-section" aria-labelledby="settings-shortcuts">
        <h2 id="settings-shortcuts">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {shortcutList(isMac()).map((shortcut) => (
              <tr key={shortcut.does}>
                <td>
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && <span className="muted"> or </span>}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{shortcut.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">In a browser tab, the browser may keep Ctrl+N for itself; the New entry button does the same.</p>
      </section>
    </div>
  );
}
