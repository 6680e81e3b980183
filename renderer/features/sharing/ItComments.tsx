import type { ItComment } from '../../../shared/sharingContract';
import { RelativeTime } from '../../components/RelativeTime';

/** IT's replies on one shared entry, oldest first, as a conversation reads. */
export function ItComments({ comments, headingId }: { comments: readonly ItComment[]; headingId: string }) {
  return (
    <section className="it-comments" aria-labelledby={headingId}>
      <h3 id={headingId}>IT’s comments</h3>
      {comments.length === 0 ? (
        <p className="muted">No comments from IT yet. When IT replies to what you shared, it appears here.</p>
      ) : (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.commentId} className="comment">
              <p className="comment-meta">
                <strong>{comment.author}</strong> · <RelativeTime iso={comment.createdAt} />
              </p>
              <p className="comment-text">{comment.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
