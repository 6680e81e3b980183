import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EntryKind } from '../../../shared/entry';
import { ENTRY_KINDS } from '../../../shared/vocabulary';
import { KIND_LABELS } from '../../../shared/labels';
import { navigate } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RadioGroup } from '../../components/formFields';
import { useEntryStore } from '../entry/entryStore';
import { useAddStore, type AddMode } from './addStore';
import { FromFileForm } from './FromFileForm';

const MODES = [
  { value: 'blank', label: 'A blank entry' },
  { value: 'file', label: 'From a file' },
] as const;

/**
 * Two ways to start: a name and a kind (the rest is filled in as she goes), or a file that
 * Fieldbook reads first to prefill the entry. Either way the new entry opens afterwards.
 */
export function NewEntryDialog() {
  const open = useAddStore((store) => store.open);
  const mode = useAddStore((store) => store.mode);
  const setMode = useAddStore((store) => store.setMode);
  const busy = useAddStore((store) => store.busy);
  const error = useAddStore((store) => store.error);
  const hide = useAddStore((store) => store.hide);
  const create = useAddStore((store) => store.create);
  const openEntry = useEntryStore((store) => store.open);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EntryKind>('spreadsheet');
  const [nameMissing, setNameMissing] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setName('');
      setKind('spreadsheet');
      setNameMissing(false);
      dialog.showModal();
      // The cursor goes to the name (the choice of how to start comes first in the dialog).
      nameRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (name.trim() === '') {
      setNameMissing(true);
      return;
    }
    const id = await create(name, kind);
    if (id) {
      void openEntry(id, { focusName: true });
      navigate({ view: 'entry', id });
    }
  }

  return (
    <dialog ref={dialogRef} className={mode === 'file' ? 'dialog dialog-wide' : 'dialog'} aria-labelledby="new-entry-title" onClose={hide}>
      {open && (
        <div className="dialog-body">
          <h2 id="new-entry-title">New entry</h2>
          <RadioGroup<AddMode> legend="Start from" name="new-entry-start" options={MODES} value={mode} onChange={setMode} />
        </div>
      )}
      {open && mode === 'file' && <FromFileForm />}
      {open && mode === 'blank' && (
        <form className="dialog-body dialog-body-rest" onSubmit={(event) => void onSubmit(event)} noValidate>
          <p className="muted">Start with a name and what kind of tool it is. You can fill in the rest as you go.</p>
          <div className="field">
            <label className="field-label" htmlFor="new-entry-name">
              Name
            </label>
            <input
              id="new-entry-name"
              ref={nameRef}
              autoFocus
              className="input"
              type="text"
              value={name}
              autoComplete="off"
              placeholder="e.g. Pricing workbook"
              aria-invalid={nameMissing || undefined}
              aria-describedby={nameMissing ? 'new-entry-name-error' : undefined}
              onChange={(event) => {
                setName(event.target.value);
                if (event.target.value.trim() !== '') setNameMissing(false);
              }}
            />
            {nameMissing && (
              <p className="field-error" id="new-entry-name-error">
                Give the tool a name.
              </p>
            )}
          </div>
          <div className="field">
            <label className="field-label" htmlFor="new-entry-kind">
              Kind
            </label>
            <select
              id="new-entry-kind"
              className="input select"
              value={kind}
              onChange={(event) => setKind(event.target.value as EntryKind)}
            >
              {ENTRY_KINDS.map((value) => (
                <option key={value} value={value}>
                  {KIND_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
          {error && <ErrorAlert error={error} />}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={hide}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Adding…' : 'Add tool'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
