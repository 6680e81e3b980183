import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Finding } from '../../../shared/guidelines';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, TextField } from '../../components/formFields';
import { findingKey, localToday, setAsideProblem } from './findingsState';
import { useFindingsStore } from './findingsStore';

interface SetAsideFormProps {
  finding: Finding;
  onClose: () => void;
}

/** Records why a guideline does not fit this tool, and optionally when to look at it again. */
export function SetAsideForm({ finding, onClose }: SetAsideFormProps) {
  const setAside = useFindingsStore((store) => store.setAside);
  const busy = useFindingsStore((store) => store.busyKey === findingKey(finding));
  const actionError = useFindingsStore((store) => (store.actionError?.key === findingKey(finding) ? store.actionError.error : null));
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ reason?: string; until?: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector('textarea')?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const found = setAsideProblem(reason, until, localToday());
    setProblems(found);
    if (found) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (await setAside(finding, reason, until)) onClose();
  }

  return (
    <form
      ref={formRef}
      className="set-aside-form"
      aria-label={`Set aside: ${finding.title}`}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <TextField
        label="Why does this guideline not fit here?"
        value={reason}
        onChange={(value) => {
          setReason(value);
          if (problems?.reason) setProblems({ ...problems, reason: undefined });
        }}
        multiline
        rows={2}
        hint="For example: “Stands alone, it depends on nothing.” Your reason stays with this entry, on this computer."
        error={problems?.reason}
      />
      <DateField
        label="Look again on (optional)"
        value={until}
        onChange={setUntil}
        hint="Leave it empty to keep it set aside until you take it back."
        error={problems?.until}
      />
      {actionError && <ErrorAlert error={actionError} title="The guideline was not set aside." />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Setting aside…' : 'Set aside'}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
