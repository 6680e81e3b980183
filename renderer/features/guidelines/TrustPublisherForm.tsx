import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/formFields';
import { Icon } from '../../components/Icon';
import { useGuidelinesStore } from './guidelinesStore';

/** Adds a publisher key, so packs signed with it are accepted. */
export function TrustPublisherForm() {
  const trustPublisher = useGuidelinesStore((store) => store.trustPublisher);
  const trustError = useGuidelinesStore((store) => store.trustError);
  const trusted = useGuidelinesStore((store) => store.trusted);
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [problems, setProblems] = useState<{ name?: string; key?: string }>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const found = {
      ...(name.trim() === '' ? { name: 'Give the publisher a name, e.g. “ACME IT”.' } : {}),
      ...(publicKey.trim() === '' ? { key: 'Paste the key IT sent you.' } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const submitted = { name, publicKey };
    const added = await trustPublisher(name.trim(), publicKey.trim());
    setBusy(false);
    // Cleared only if unchanged: she may already be typing the next publisher while the list refreshes.
    if (added) {
      setName((current) => (current === submitted.name ? '' : current));
      setPublicKey((current) => (current === submitted.publicKey ? '' : current));
    }
  }

  return (
    <form className="trust-publisher" aria-labelledby="trust-a-publisher" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2 id="trust-a-publisher">Trust a publisher</h2>
      <p className="muted">
        Packs signed by a publisher you trust are accepted. IT gives you their name and their key: one line of text.
      </p>
      <TextField label="Publisher name" value={name} onChange={setName} error={problems.name} />
      <TextField
        label="Publisher key"
        value={publicKey}
        onChange={setPublicKey}
        multiline
        rows={2}
        className="field-mono"
        hint="The contents of publisher.pub, exactly as IT sent it."
        error={problems.key}
      />
      {trustError && <ErrorAlert error={trustError} title="The publisher was not added." />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          <Icon name="key" />
          Trust this publisher
        </button>
      </div>
      <div role="status">
        {trusted.length > 0 && (
          <ul className="trusted-list" aria-label="Trusted just now">
            {trusted.map((publisher) => (
              <li key={publisher.keyId}>
                <Icon name="check" />
                <span>
                  You trust <strong>{publisher.name}</strong> <span className="muted">(key {publisher.keyId})</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
