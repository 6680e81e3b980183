import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { FieldFrame } from '../../components/formFields';
import { Icon } from '../../components/Icon';
import { importedSentence, importFormProblem, splitProblemMessage } from './guidelinesState';
import { useGuidelinesStore } from './guidelinesStore';
import { readFileText } from './readFileText';

/** A refusal from the Node side: the message (which may list problems by rule and position) and what to do. */
function ImportRefusal() {
  const error = useGuidelinesStore((store) => store.importError);
  if (!error) return null;
  const { lead, details } = splitProblemMessage(error.message);
  return (
    <div className="alert" role="alert">
      <div className="alert-text">
        <p className="alert-title">{lead}</p>
        {details && (
          // Focusable, so the keyboard can scroll a long expression sideways.
          <pre className="problem-text" tabIndex={0}>
            {details}
          </pre>
        )}
        <p className="alert-hint">{error.hint}</p>
      </div>
    </div>
  );
}

/** Picks a pack file (and its signature) and hands them to Fieldbook, which checks both before use. */
export function PackImportForm() {
  const importing = useGuidelinesStore((store) => store.importing);
  const imported = useGuidelinesStore((store) => store.imported);
  const importPack = useGuidelinesStore((store) => store.importPack);
  const clearImportResult = useGuidelinesStore((store) => store.clearImportResult);
  const [packFile, setPackFile] = useState<File | null>(null);
  const [signatureFile, setSignatureFile] = useState<File | null>(null);
  const [unsignedOwn, setUnsignedOwn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const ownHintId = useId();

  function pick(setter: (file: File | null) => void) {
    return (event: ChangeEvent<HTMLInputElement>) => {
      setter(event.target.files?.[0] ?? null);
      setProblem(null);
      clearImportResult();
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const found = importFormProblem({ packFile, signatureFile, unsignedOwn });
    setProblem(found);
    if (found || !packFile) return;
    let text: string;
    let signature: string | null;
    try {
      text = await readFileText(packFile);
      signature = signatureFile ? await readFileText(signatureFile) : null;
    } catch {
      setProblem('The file could not be read. Check that it is still there, and choose it again.');
      return;
    }
    if (await importPack({ text, signature, unsignedOwn })) {
      formRef.current?.reset();
      setPackFile(null);
      setSignatureFile(null);
      setUnsignedOwn(false);
    }
  }

  return (
    <form ref={formRef} className="pack-import" aria-labelledby="import-pack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2 id="import-pack">Import a pack</h2>
      <p className="muted">
        A pack is a .yaml file of guidelines, usually from IT, with a signature file (.sig) beside it. Fieldbook checks
        both before it uses the pack; if anything is wrong, your current packs stay in force.
      </p>
      <FieldFrame label="Pack file (.yaml)" error={problem && !packFile ? problem : undefined}>
        {(a11y) => <input {...a11y} className="input input-file" type="file" accept=".yaml,.yml" onChange={pick(setPackFile)} />}
      </FieldFrame>
      <FieldFrame label="Signature file (.sig), if it came with one" hint="IT signs its packs, so you can tell they come from them, unchanged.">
        {(a11y) => <input {...a11y} className="input input-file" type="file" accept=".sig" onChange={pick(setSignatureFile)} />}
      </FieldFrame>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unsignedOwn}
            aria-describedby={ownHintId}
            onChange={(event) => {
              setUnsignedOwn(event.target.checked);
              clearImportResult();
            }}
          />
          <span>This is my own pack (unsigned)</span>
        </label>
        <p className="field-hint" id={ownHintId}>
          For a pack you wrote yourself or are trying out. Without a signature, Fieldbook cannot tell who wrote it or
          whether it was changed, so it is shown as “Unsigned, my own”.
        </p>
      </div>
      {problem && packFile && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <ImportRefusal />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={importing}>
          <Icon name="file" />
          {importing ? 'Importing…' : 'Import pack'}
        </button>
      </div>
      <p className="success-status" role="status">
        {imported && (
          <>
            <Icon name="check" />
            {importedSentence(imported)}
          </>
        )}
      </p>
    </form>
  );
}
