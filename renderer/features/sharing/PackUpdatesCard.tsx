import type { PackUpdate } from '../../../shared/sharingContract';
import { routeHref } from '../../app/route';
import { RelativeTime } from '../../components/RelativeTime';
import { PACK_STATUS_LABELS, packUpdatesNewestFirst } from './sharingState';

/** Guideline packs IT published through the hub, and what became of each here. */
export function PackUpdatesCard({ updates }: { updates: readonly PackUpdate[] }) {
  return (
    <section className="card settings-section" aria-labelledby="sharing-packs">
      <h2 id="sharing-packs">Guideline packs from IT</h2>
      {updates.length === 0 ? (
        <p className="muted">None yet. When IT publishes a guideline pack, it arrives here and applies once its signature is checked.</p>
      ) : (
        <ul className="pack-updates">
          {packUpdatesNewestFirst(updates).map((update) => (
            <li key={update.publicationId} className="pack-update">
              <p className="pack-update-head">
                <strong>
                  {update.packId} {update.version}
                </strong>
                <span className={`outcome pack-status-${update.status}`}>{PACK_STATUS_LABELS[update.status]}</span>
                <span className="muted small">
                  received <RelativeTime iso={update.receivedAt} />
                </span>
              </p>
              <p>{update.message}</p>
              {update.status === 'waiting-for-trust' && (
                <p>
                  <a href={routeHref({ view: 'guidelines' })}>Add IT’s publisher key under Guidelines</a>; the pack applies at the
                  next check with the hub (use the button above to check at once).
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
