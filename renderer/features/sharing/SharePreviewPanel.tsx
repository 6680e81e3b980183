import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { routeHref } from '../../app/route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { useEntryStore } from '../entry/entryStore';
import { ChangesList } from './ChangesList';
import { useEntrySharingStore } from './entrySharingStore';
import { PayloadList } from './PayloadList';
import { payloadChanges, readPayload } from './payloadView';

/**
 * "Share with IT…" and "Review changes": exactly what IT will receive (the payload the Node side
 * will send, not the entry), a "Keep private" box per part, and Send. Nothing is sent before Send.
 */
export function SharePreviewPanel({ review, connected }: { review: boolean; connected: boolean }) {
  const preview = useEntrySharingStore((store) => store.preview);
  const previewLoading = useEntrySharingStore((store) => store.previewLoading);
  const previewError = useEntrySharingStore((store) => store.previewError);
  const outdated = useEntrySharingStore((store) => store.previewOutdated);
  const privateParts = useEntrySharingStore((store) => store.privateParts);
  const autoShare = useEntrySharingStore((store) => store.autoShare);
  const busy = useEntrySharingStore((store) => store.busy === 'send');
  const actionError = useEntrySharingStore((store) => store.actionError);
  const setPrivate = useEntrySharingStore((store) => store.setPrivate);
  const setAutoShareChoice = useEntrySharingStore((store) => store.setAutoShareChoice);
  const refreshPreview = useEntrySharingStore((store) => store.refreshPreview);
  const send = useEntrySharingStore((store) => store.send);
  const cancel = useEntrySharingStore((store) => store.cancel);
  const names = useEntryStore((store) => store.linkNames);
  const [showAll, setShowAll] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const allId = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const payload = useMemo(() => (preview ? readPayload(preview.payload) : null), [preview]);
  const changes = useMemo(
    () => (preview?.previous ? payloadChanges(preview.previous, preview.payload, names) : null),
    [preview, names],
  );
  const reviewing = review && changes !== null;
  const inStep = preview !== null && preview.privateParts.join() === privateParts.join();
  const canSend = connected && inStep && !previewLoading && !outdated && !busy;

  return (
    <section className="share-preview" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {reviewing ? 'Review changes before IT sees them' : 'What IT will receive'}
      </h3>
      <p className="muted">
        {reviewing
          ? 'What IT’s hub holds now, and what it will hold once you send. Nothing is sent until you do.'
          : 'This is exactly what goes to IT’s hub, nothing more. Tick “Keep private” on anything IT should not see: it is left out entirely. Nothing is sent until you press Send.'}
      </p>
      <p className="preview-progress muted small" role="status">
        {previewLoading ? 'Updating the preview…' : ''}
      </p>
      {previewError && <ErrorAlert error={previewError} title="The preview could not be made." onRetry={() => void refreshPreview()} />}
      {outdated && (
        <div className="notice" role="alert">
          <p>This entry changed after this preview was made, so it is not what would be sent now.</p>
          <button type="button" className="button" onClick={() => void refreshPreview()}>
            <Icon name="refresh" />
            Show what would be sent now
          </button>
        </div>
      )}

      {reviewing && changes && <ChangesList changes={changes} />}
      {reviewing && (
        <button type="button" className="disclosure" aria-expanded={showAll} aria-controls={allId} onClick={() => setShowAll(!showAll)}>
          <Icon name="chevron" className="disclosure-chevron" />
          Everything IT will receive, and what stays private
        </button>
      )}
      <div id={allId} hidden={reviewing && !showAll}>
        {payload && (!reviewing || showAll) && (
          <>
            <PayloadList payload={payload} privateParts={privateParts} names={names} onKeepPrivate={(part, keep) => void setPrivate(part, keep)} />
            <details className="payload-json">
              <summary>The exact data sent (JSON, spaced out for reading)</summary>
              {/* Focusable, so it can be scrolled with the keyboard. */}
              <pre tabIndex={0}>{JSON.stringify(payload, null, 2)}</pre>
            </details>
          </>
        )}
      </div>
      {!payload && !previewError && <p className="muted">Preparing the preview…</p>}

      <label className="checkbox">
        <input type="checkbox" checked={autoShare} onChange={(event) => setAutoShareChoice(event.target.checked)} />
        Keep this entry shared automatically
      </label>
      <p className="field-hint">Later edits then go to IT without a review, leaving out what you keep private. You can turn this off on this tab.</p>

      {actionError && <ErrorAlert error={actionError} title="Nothing was sent." />}
      {!connected && (
        <p className="muted">
          This computer is not connected to IT’s hub, so nothing can be sent yet. <a href={routeHref({ view: 'sharing' })}>Connect on the Sharing screen</a>.
        </p>
      )}
      <div className="form-actions">
        {connected && (
          <button type="button" className="button button-primary" disabled={!canSend} onClick={() => void send()}>
            <Icon name="share" />
            {busy ? 'Sending…' : reviewing ? 'Send these changes' : 'Send to IT'}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={cancel}>
          {connected ? 'Cancel' : 'Close'}
        </button>
      </div>
    </section>
  );
}
