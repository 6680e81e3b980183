import type { CallError } from '../../shared/contract';
import { Icon } from '../components/Icon';

const TITLES: Partial<Record<CallError['code'], string>> = {
  store_locked: 'Your fieldbook is open somewhere else',
  store_newer: 'Your fieldbook was saved by a newer Fieldbook',
  store_corrupt: 'Your fieldbook could not be read',
  store_readonly: 'Your fieldbook cannot be written to',
  store_unavailable: 'Fieldbook is not reachable',
};

/** A calm full-window message when the fieldbook itself cannot be used, with what to do. */
export function StoreProblemPage({ error }: { error: CallError }) {
  return (
    <main className="problem-page" id="main">
      <div className="problem-card">
        <span className="problem-icon" aria-hidden="true">
          <Icon name="book" />
        </span>
        <h1>{TITLES[error.code] ?? 'Fieldbook cannot open your data right now'}</h1>
        <p className="lead">{error.message}</p>
        <p>{error.hint}</p>
        <p className="muted">Nothing you saved earlier has been changed.</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </main>
  );
}
