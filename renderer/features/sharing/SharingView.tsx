import { useEffect, useRef } from 'react';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';
import { useFocusHeading } from '../../app/hooks/useFocusHeading';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConnectForm } from './ConnectForm';
import { HubConnectionCard } from './HubConnectionCard';
import { PackUpdatesCard } from './PackUpdatesCard';
import { RecentCommentsCard } from './RecentCommentsCard';
import { SharedEntriesCard } from './SharedEntriesCard';
import { isConnected } from './sharingState';
import { useSharingStore } from './sharingStore';

/** Before connecting: what connecting does and does not do, said calmly. */
function NothingLeavesYet() {
  return (
    <section className="card settings-section" aria-labelledby="sharing-intro">
      <h2 id="sharing-intro">Nothing leaves this computer yet</h2>
      <p>
        Your fieldbook stays here. Connecting to IT’s hub sends none of your entries: it lets IT’s guideline packs and
        replies reach you. You share an entry only when you choose to, after seeing exactly what IT will receive, and
        you can withdraw it later.
      </p>
    </section>
  );
}

/** The hub connection, what is shared, IT's comments and guideline packs from the hub. */
export function SharingView() {
  const overview = useSharingStore((store) => store.overview);
  const loadError = useSharingStore((store) => store.loadError);
  const stale = useSharingStore((store) => store.stale);
  const load = useSharingStore((store) => store.load);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Sharing');

  useEffect(() => {
    if (stale) void load();
  }, [stale, load]);

  useFocusHeading(headingRef, overview !== null);

  return (
    <div className="view view-narrow">
      <h1 ref={headingRef} tabIndex={-1}>
        Sharing
      </h1>
      {loadError && (
        <ErrorAlert error={loadError} title={overview ? 'Sharing may be out of date.' : 'Sharing could not be loaded.'} onRetry={() => void load()} />
      )}
      {!overview ? (
        !loadError && <p className="muted">Loading…</p>
      ) : isConnected(overview.status) ? (
        <>
          <HubConnectionCard status={overview.status} />
          <SharedEntriesCard entries={overview.entries} />
          <RecentCommentsCard entries={overview.entries} />
          <PackUpdatesCard updates={overview.packUpdates} />
        </>
      ) : (
        <>
          <NothingLeavesYet />
          <ConnectForm />
        </>
      )}
    </div>
  );
}
