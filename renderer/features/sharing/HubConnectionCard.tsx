import type { SyncStatus } from '../../../shared/sharingContract';
import { ConfirmQuestion, useConfirmation } from '../../components/ConfirmQuestion';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { fullTime } from '../../format/time';
import { ShareLineText } from './ShareLineText';
import { disconnectWarning } from './sharingState';
import { useSharingStore } from './sharingStore';
import { syncStatusLine } from './syncWords';

/** The hub this computer is connected to, how sync is going, "Try again now", and Disconnect. */
export function HubConnectionCard({ status }: { status: SyncStatus }) {
  const retry = useSharingStore((store) => store.retry);
  const disconnect = useSharingStore((store) => store.disconnect);
  const busy = useSharingStore((store) => store.busy);
  const actionError = useSharingStore((store) => store.actionError);
  const { confirming, openerRef, ask, cancel } = useConfirmation();

  const calm = status.state === 'up-to-date' || status.state === 'sending';
  const detail = status.state === 'waiting-for-connection' ? status.message : null;
  return (
    <section className="card settings-section" aria-labelledby="sharing-hub">
      <h2 id="sharing-hub">IT’s hub</h2>
      <dl className="info-list">
        <div>
          <dt>Address</dt>
          <dd>
            <code className="path">{status.hubUrl}</code>
          </dd>
        </div>
        <div>
          <dt>This computer</dt>
          <dd>
            {status.deviceName}
            {status.connectedAt && <span className="muted"> · connected {fullTime(status.connectedAt)}</span>}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className="sync-status" role="status">
              <ShareLineText line={syncStatusLine(status)} />
              {detail && <span className="sync-detail muted small">{detail}</span>}
              {status.waiting > 0 && (
                <span className="sync-detail muted small">
                  {status.waiting === 1 ? '1 share or withdrawal' : `${status.waiting} shares or withdrawals`} waiting to reach the hub.
                </span>
              )}
            </span>
          </dd>
        </div>
        <div>
          <dt>Hub token</dt>
          <dd>Kept {status.tokenKeptIn}</dd>
        </div>
      </dl>
      {actionError && actionError.action !== 'connect' && (
        <ErrorAlert error={actionError.error} title={actionError.action === 'retry' ? 'Could not try again.' : 'Still connected.'} />
      )}
      {confirming ? (
        <ConfirmQuestion
          className="sharing-confirm"
          question={
            <>
              <strong>Disconnect from IT’s hub?</strong> {disconnectWarning(status)}
            </>
          }
          confirmLabel="Disconnect"
          busyLabel="Disconnecting…"
          cancelLabel="Stay connected"
          busy={busy === 'disconnect'}
          onConfirm={() => void disconnect()}
          onCancel={cancel}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="button" disabled={busy === 'retry'} onClick={() => void retry()}>
            <Icon name="refresh" />
            {calm ? 'Check now' : 'Try again now'}
          </button>
          <button ref={openerRef} type="button" className="button button-danger" onClick={ask}>
            Disconnect…
          </button>
        </div>
      )}
    </section>
  );
}
