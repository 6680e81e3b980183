import type { PayloadChange } from './payloadView';

/** Field by field, what IT holds now and what it will hold once she sends. */
export function ChangesList({ changes }: { changes: readonly PayloadChange[] }) {
  if (changes.length === 0) {
    return (
      <p className="muted">
        Nothing IT reads has changed: only the entry’s revision and time are newer. Sending brings IT’s copy up to that
        revision.
      </p>
    );
  }
  return (
    <ul className="change-list" aria-label="What changed since you last shared">
      {changes.map((change) => (
        <li key={change.key} className="change">
          <span className="change-label">{change.label}</span>
          <span className="change-values">
            <span className="change-before">
              <span className="visually-hidden">Was: </span>
              {change.before}
            </span>
            <span aria-hidden="true" className="change-arrow">
              →
            </span>
            <span className="change-after">
              <span className="visually-hidden">Now: </span>
              {change.after}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
