import type { EntrySharing } from '../../../shared/sharingContract';
import { routeHref } from '../../app/route';
import { RelativeTime } from '../../components/RelativeTime';
import { recentComments } from './sharingState';

/** IT's latest replies across everything shared, newest first. */
export function RecentCommentsCard({ entries }: { entries: readonly EntrySharing[] }) {
  const comments = recentComments(entries);
  return (
    <section className="card settings-section" aria-labelledby="sharing-comments">
      <h2 id="sharing-comments">IT’s recent comments</h2>
      {comments.length === 0 ? (
        <p className="muted">No comments from IT yet. IT’s replies appear here and on the entry they are about.</p>
      ) : (
        <ol className="comment-list">
          {comments.map(({ entryId, entryName, comment }) => (
            <li key={comment.commentId} className="comment">
              <p className="comment-meta">
                <strong>{comment.author}</strong> on{' '}
                {entryName ? <a href={routeHref({ view: 'entry', id: entryId, tab: 'sharing' })}>{entryName}</a> : 'a deleted entry'} ·{' '}
                <RelativeTime iso={comment.createdAt} />
              </p>
              <p className="comment-text">{comment.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
