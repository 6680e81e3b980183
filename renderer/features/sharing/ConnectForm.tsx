import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/formFields';
import { Icon } from '../../components/Icon';
import { useSettingsStore } from '../settings/settingsStore';
import { connectFormProblems, defaultDeviceName, EMPTY_CONNECT_FORM, type ConnectForm as Form, type ConnectProblems } from './sharingState';
import { useSharingStore } from './sharingStore';

/** Hub address, enrollment code and this computer's name; IT's publisher key if IT gave one. */
export function ConnectForm() {
  const connect = useSharingStore((store) => store.connect);
  const busy = useSharingStore((store) => store.busy === 'connect');
  const error = useSharingStore((store) => (store.actionError?.action === 'connect' ? store.actionError.error : null));
  const profileName = useSettingsStore((store) => store.settings?.profile.name ?? '');
  const [form, setForm] = useState<Form>(() => ({ ...EMPTY_CONNECT_FORM, deviceName: defaultDeviceName(profileName) }));
  const [problems, setProblems] = useState<ConnectProblems>({});
  const formRef = useRef<HTMLFormElement>(null);

  function edit(field: keyof Form, value: string): void {
    setForm((current) => ({ ...current, [field]: value }));
    if (problems[field]) setProblems({ ...problems, [field]: undefined });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const found = connectFormProblems(form);
    setProblems(found ?? {});
    if (found) {
      // Focus waits for the error text to be rendered, so it is read with the field.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    await connect(form);
  }

  return (
    <form ref={formRef} className="card settings-section" aria-labelledby="connect-title" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2 id="connect-title">Connect to IT’s hub</h2>
      <p className="muted">
        IT gives you the hub’s address and an enrollment code. Connecting sends only the code and this computer’s name.
      </p>
      <TextField
        label="Hub address"
        value={form.url}
        onChange={(value) => edit('url', value)}
        placeholder="https://fieldbook-hub.example.com"
        error={problems.url}
        autoComplete="url"
      />
      <TextField label="Enrollment code" value={form.code} onChange={(value) => edit('code', value)} error={problems.code} hint="A code from IT; it works once." />
      <TextField
        label="A name for this computer"
        value={form.deviceName}
        onChange={(value) => edit('deviceName', value)}
        error={problems.deviceName}
        hint="So IT knows which computer shared what, like “Anna’s laptop”."
      />
      <fieldset className="fieldset connect-publisher">
        <legend className="field-label">IT’s guideline packs (optional)</legend>
        <p className="field-hint field-hint-top">
          If IT gave you a publisher name and key, add them here: the guideline packs IT publishes then apply on this
          computer. You can also add them later under Guidelines.
        </p>
        <TextField label="Publisher name" value={form.publisherName} onChange={(value) => edit('publisherName', value)} error={problems.publisherName} />
        <TextField
          label="Publisher key"
          value={form.publisherKey}
          onChange={(value) => edit('publisherKey', value)}
          multiline
          rows={2}
          className="field-mono"
          hint="The contents of publisher.pub, exactly as IT sent it."
          error={problems.publisherKey}
        />
      </fieldset>
      {error && <ErrorAlert error={error} title="Not connected." />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          <Icon name="link" />
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
