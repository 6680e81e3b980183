import { useEffect, useId, useRef } from 'react';
import type { EntrySharing } from '../../../shared/sharingContract';
import { routeHref } from '../../app/route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { useEntrySharingStore } from './entrySharingStore';
import { ItComments } from './ItComments';
import { SharePreviewPanel } from './SharePreviewPanel';
import { ShareLineText } from './ShareLineText';
import { isConnected } from './sharingState';
import { useSharingStore } from './sharingStore';
import { entryShareLine } from './syncWords';
import { WithdrawQuestion } from './WithdrawQuestion';

/** The buttons for what she can do next, depending on where the entry stands. */
function SharingActions({ sharing, connected }: { sharing: EntrySharing; connected: boolean }) {
  const startShare = useEntrySharingStore((store) => store.startShare);
  const startReview = useEntrySharingStore((store) => store.startReview);
  const askWithdraw = useEntrySharingStore((store) => store.askWithdraw);
  const setAutoShare = useEntrySharingStore((store) => store.setAutoShare);
  const busy = useEntrySharingStore((store) => store.busy);

  if (sharing.state !== 'shared') {
    return (
      <div className="sharing-actions">
        <p className="muted">
          {sharing.state === 'withdrawn'
            ? 'IT’s hub deleted what you shared of this entry and keeps only the fact that it was withdrawn. You can share it again.'
            : 'This entry stays on this computer. You decide whether IT sees it: you will see exactly what IT receives before anything is sent.'}
        </p>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => void startShare()}>
            <Icon name="share" />
            {connected ? (sharing.state === 'withdrawn' ? 'Share with IT again…' : 'Share with IT…') : 'See what IT would receive…'}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="sharing-actions">
      <div className="form-actions">
        {sharing.changesWaiting ? (
          <button type="button" className="button button-primary" onClick={() => void startReview()}>
            Review changes…
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void startShare()}>
            Change what IT receives…
          </button>
        )}
        {connected && (
          <button type="button" className="button button-danger" onClick={askWithdraw}>
            Withdraw…
          </button>
        )}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sharing.autoShare}
          disabled={busy === 'auto'}
          onChange={(event) => void setAutoShare(event.target.checked)}
        />
        Keep this entry shared automatically
      </label>
      <p className="field-hint">
        {sharing.autoShare
          ? 'Your edits go to IT without a review, leaving out what you keep private.'
          : 'Your edits wait as “changes not yet shared” until you review and send them.'}
      </p>
    </div>
  );
}

/** An entry's Sharing tab: where it stands with IT, share / review / withdraw, and IT's comments. */
export function EntrySharingPanel({ entryId }: { entryId: string }) {
  const open = useEntrySharingStore((store) => store.open);
  const close = useEntrySharingStore((store) => store.close);
  const load = useEntrySharingStore((store) => store.load);
  const sharing = useEntrySharingStore((store) => store.sharing);
  const loadError = useEntrySharingStore((store) => store.loadError);
  const mode = useEntrySharingStore((store) => store.mode);
  const actionError = useEntrySharingStore((store) => (store.mode === 'idle' ? store.actionError : null));
  const announcement = useEntrySharingStore((store) => store.announcement);
  const status = useSharingStore((store) => store.overview?.status ?? null);
  const overviewStale = useSharingStore((store) => store.stale);
  const loadOverview = useSharingStore((store) => store.load);
  const retry = useSharingStore((store) => store.retry);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const previousMode = useRef(mode);
  const headingId = useId();
  const commentsId = useId();

  useEffect(() => {
    void open(entryId);
    return close;
  }, [entryId, open, close]);

  useEffect(() => {
    if (overviewStale) void loadOverview();
  }, [overviewStale, loadOverview]);

  // Back from a preview or a question: focus returns to the top of the tab, where the new state is.
  useEffect(() => {
    if (previousMode.current !== 'idle' && mode === 'idle') headingRef.current?.focus();
    previousMode.current = mode;
  }, [mode]);

  if (loadError && !sharing) return <ErrorAlert error={loadError} title="Sharing could not be loaded." onRetry={() => void load()} />;
  if (!sharing || !status) return <p className="muted">Loading…</p>;

  const connected = isConnected(status);
  return (
    <section className="sharing-panel" aria-labelledby={headingId}>
      <div className="sharing-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Sharing with IT
        </h2>
        <p className="sharing-state" aria-live="polite">
          <ShareLineText line={entryShareLine(sharing)} />
        </p>
      </div>
      <p className="visually-hidden" role="status">
        {announcement ?? ''}
      </p>
      {!connected && (
        <p className="muted">
          Not connected to IT’s hub. <a href={routeHref({ view: 'sharing' })}>Connect on the Sharing screen</a> to share entries.
        </p>
      )}
      {sharing.problem && connected && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void retry()}>
            <Icon name="refresh" />
            Try again now
          </button>
        </div>
      )}
      {actionError && <ErrorAlert error={actionError} title="That did not go through." />}

      {mode === 'idle' && <SharingActions sharing={sharing} connected={connected} />}
      {(mode === 'share' || mode === 'review') && <SharePreviewPanel review={mode === 'review'} connected={connected} />}
      {mode === 'withdraw' && <WithdrawQuestion name={sharing.name} />}

      {sharing.state !== 'not-shared' && <ItComments comments={sharing.comments} headingId={commentsId} />}
    </section>
  );
}
