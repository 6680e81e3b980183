import type { EntrySharing } from '../../../shared/sharingContract';
import { routeHref } from '../../app/route';
import { ShareLineText } from './ShareLineText';
import { entryShareLine } from './syncWords';

/** Every entry shared or withdrawn from this computer, with where it stands. */
export function SharedEntriesCard({ entries }: { entries: readonly EntrySharing[] }) {
  return (
    <section className="card settings-section" aria-labelledby="sharing-entries">
      <h2 id="sharing-entries">What you shared</h2>
      {entries.length === 0 ? (
        <p className="muted">
          Nothing yet. To share an entry, open it and use its Sharing tab: you see exactly what IT would receive first.
        </p>
      ) : (
        <ul className="shared-list">
          {entries.map((entry) => (
            <li key={entry.entryId} className="shared-item">
              {entry.name ? (
                <a className="shared-name" href={routeHref({ view: 'entry', id: entry.entryId, tab: 'sharing' })}>
                  {entry.name}
                </a>
              ) : (
                <span className="shared-name">A deleted entry</span>
              )}
              <span className="shared-state">
                <ShareLineText line={entryShareLine(entry)} />
                {entry.comments.length > 0 && (
                  <span className="muted small"> · {entry.comments.length === 1 ? '1 comment from IT' : `${entry.comments.length} comments from IT`}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
