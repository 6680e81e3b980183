import { useEffect, useState } from 'react';
import type { DeletedEntry } from '../../../shared/contract';
import { KIND_LABELS } from '../../../shared/labels';
import { api } from '../../api/client';
import { ConfirmQuestion, useConfirmation } from '../../components/ConfirmQuestion';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { RelativeTime } from '../../components/RelativeTime';
import { useDeletedEntriesStore } from './deletedEntriesStore';

/** What deleting for good does, said before she confirms. */
function forGood(one: boolean): string {
  return one
    ? 'Its details, history, findings, set-asides and what Fieldbook found in its files are removed from your fieldbook file and cannot be brought back. A JSON export you made earlier still holds it.'
    : 'Their details, history, findings, set-asides and what Fieldbook found in their files are removed from your fieldbook file and cannot be brought back. A JSON export you made earlier still holds them.';
}

function DeletedItem({ entry, onDone }: { entry: DeletedEntry; onDone: (message: string) => void }) {
  const busy = useDeletedEntriesStore((store) => store.busy);
  const restore = useDeletedEntriesStore((store) => store.restore);
  const purge = useDeletedEntriesStore((store) => store.purge);
  const { confirming, openerRef, ask, cancel } = useConfirmation();

  return (
    <li className="deleted-entry">
      <div className="deleted-entry-main">
        <span className="deleted-entry-name">{entry.name}</span>
        <span className="muted">
          {KIND_LABELS[entry.kind]} · deleted <RelativeTime iso={entry.deletedAt} />
        </span>
      </div>
      {confirming ? (
        <ConfirmQuestion
          className="deleted-entry-confirm"
          question={`Delete “${entry.name}” for good? ${forGood(true)}`}
          confirmLabel="Delete for good"
          busyLabel="Deleting…"
          cancelLabel="Keep it"
          busy={busy === 'purging'}
          onConfirm={() => void purge([entry.id]).then((purged) => purged !== null && onDone(`Deleted “${entry.name}” for good.`))}
          onCancel={cancel}
        />
      ) : (
        <div className="deleted-entry-actions">
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void restore(entry.id).then((restored) => restored && onDone(`Brought back “${entry.name}”.`))}
          >
            <Icon name="undo" />
            Bring back<span className="visually-hidden"> {entry.name}</span>
          </button>
          <button ref={openerRef} type="button" className="button button-quiet" disabled={busy !== null} onClick={ask}>
            <Icon name="trash" />
            Delete for good…<span className="visually-hidden"> ({entry.name})</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** Deleted entries stay in the file so they can be brought back; here she can, or delete them for good. */
export function DeletedEntries() {
  const items = useDeletedEntriesStore((store) => store.items);
  const error = useDeletedEntriesStore((store) => store.error);
  const busy = useDeletedEntriesStore((store) => store.busy);
  const load = useDeletedEntriesStore((store) => store.load);
  const purge = useDeletedEntriesStore((store) => store.purge);
  const all = useConfirmation();
  const [done, setDone] = useState('');

  useEffect(() => {
    void load();
    // An entry deleted or brought back elsewhere (another window, the command line).
    return api.on('entries.changed', ({ action }) => {
      if (action === 'deleted' || action === 'restored' || action === 'created') void load();
    });
  }, [load]);

  return (
    <section className="card settings-section" aria-labelledby="settings-deleted">
      <h2 id="settings-deleted">Deleted entries</h2>
      <p className="muted">
        A deleted entry stays in your fieldbook file, with its history, so you can bring it back. Delete it for good to
        remove it from the file.
      </p>
      {error && <ErrorAlert error={error} title="That did not work." onRetry={() => void load()} />}
      {items === null ? (
        !error && <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">No deleted entries.</p>
      ) : (
        <>
          <ul className="deleted-entries" aria-label="Deleted entries">
            {items.map((entry) => (
              <DeletedItem key={entry.id} entry={entry} onDone={setDone} />
            ))}
          </ul>
          {items.length > 1 &&
            (all.confirming ? (
              <ConfirmQuestion
                className="deleted-entry-confirm"
                question={`Delete all ${items.length} deleted entries for good? ${forGood(false)}`}
                confirmLabel={`Delete all ${items.length} for good`}
                busyLabel="Deleting…"
                cancelLabel="Keep them"
                busy={busy === 'purging'}
                onConfirm={() =>
                  void purge(items.map((entry) => entry.id)).then((purged) => purged !== null && setDone(`Deleted ${purged} entries for good.`))
                }
                onCancel={all.cancel}
              />
            ) : (
              <div className="form-actions">
                <button ref={all.openerRef} type="button" className="button button-quiet" disabled={busy !== null} onClick={all.ask}>
                  <Icon name="trash" />
                  Delete all {items.length} for good…
                </button>
              </div>
            ))}
        </>
      )}
      <p role="status" className="muted">
        {done}
      </p>
    </section>
  );
}
