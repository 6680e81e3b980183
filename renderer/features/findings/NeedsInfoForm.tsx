import { useId, useState, type FormEvent } from 'react';
import type { Finding, RuleInfo } from '../../../shared/guidelines';
import { CheckboxGroup, DateField, NumberField, RadioGroup, SelectField, TextField } from '../../components/formFields';
import type { EntryEditState } from '../entry/entryState';
import { alternativesNote, answerChanges, controlFor, type AnswerControl, type AnswerValues } from './findingsState';
import { useFindingsStore } from './findingsStore';

interface ControlProps {
  control: AnswerControl;
  value: string | string[] | undefined;
  onChange: (value: string | string[]) => void;
}

function AnswerInput({ control, value, onChange }: ControlProps) {
  const name = useId();
  const text = typeof value === 'string' ? value : '';
  switch (control.kind) {
    case 'select':
      return (
        <SelectField
          label={control.label}
          value={text === '' ? null : text}
          options={control.options}
          emptyLabel="Choose…"
          onChange={(picked) => onChange(picked ?? '')}
        />
      );
    case 'checkboxes':
      return (
        <CheckboxGroup
          legend={control.label}
          options={control.options}
          values={Array.isArray(value) ? value : []}
          onChange={(picked) => onChange(picked)}
          hint="Tick every kind of data that passes through it."
        />
      );
    case 'date':
      return <DateField label={control.label} value={text === '' ? null : text} onChange={(picked) => onChange(picked ?? '')} />;
    case 'number':
      return (
        <NumberField
          label={control.label}
          value={text === '' ? null : Number(text)}
          onChange={(picked) => onChange(picked === null ? '' : String(picked))}
        />
      );
    case 'text':
      return <TextField label={control.label} value={text} onChange={onChange} multiline={control.multiline} rows={3} />;
    case 'list-item':
      return <TextField label={control.label} value={text} onChange={onChange} hint="It is added to the list on the Details tab." />;
    case 'choice':
      return (
        <RadioGroup
          legend={control.label}
          name={name}
          options={control.options}
          value={text === '' ? null : text}
          onChange={onChange}
          className="answer-choices"
        />
      );
    case 'answer-text':
      return <TextField label={control.label} value={text} onChange={onChange} />;
  }
}

interface NeedsInfoFormProps {
  finding: Finding;
  rule: RuleInfo | undefined;
  edit: EntryEditState;
  /** Shown above the controls, e.g. when only part of the question can be answered now. */
  lead?: string;
}

/**
 * Asks a "needs info" finding's question right where it is, with the right control for each
 * missing input. Saving writes into the entry, and the guideline is checked again.
 */
export function NeedsInfoForm({ finding, rule, edit, lead }: NeedsInfoFormProps) {
  const answer = useFindingsStore((store) => store.answer);
  const [values, setValues] = useState<AnswerValues>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const questionId = useId();
  const problemId = useId();

  const controls = finding.missingFields
    .map((input) => controlFor(input, rule, finding.question))
    .filter((control): control is AnswerControl => control !== null);
  if (controls.length === 0) {
    return <p className="finding-note">Fill this in on the Details tab, and the guideline is checked again.</p>;
  }
  const alternatives = alternativesNote(finding, rule);
  // An answer to the guideline's own question carries the question as its label.
  const asksOwnQuestion = controls.some((control) => control.kind === 'choice' || control.kind === 'answer-text');

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const result = answerChanges(edit.draft, controls, values);
    if (result.problem) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    setSaving(true);
    const refused = await answer(finding, result.changes);
    setSaving(false);
    if (refused) setProblem(refused);
  }

  return (
    <form
      className="needs-info"
      aria-labelledby={asksOwnQuestion ? undefined : questionId}
      aria-label={asksOwnQuestion ? `Answer: ${finding.title}` : undefined}
      aria-describedby={problem ? problemId : undefined}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      {lead && <p className="finding-note">{lead}</p>}
      {alternatives && <p className="finding-note">{alternatives}</p>}
      {!asksOwnQuestion && (
        <p className="needs-info-question" id={questionId}>
          {finding.question}
        </p>
      )}
      <div className="needs-info-fields">
        {controls.map((control) => (
          <AnswerInput
            key={control.input}
            control={control}
            value={values[control.input]}
            onChange={(value) => {
              setValues((before) => ({ ...before, [control.input]: value }));
              setProblem(null);
            }}
          />
        ))}
      </div>
      {problem && (
        <p className="field-error" id={problemId} role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save answer'}
        </button>
        <span className="muted small">It is saved into this entry, and the guideline is checked again.</span>
      </div>
    </form>
  );
}
