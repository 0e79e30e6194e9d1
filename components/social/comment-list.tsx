import Link from 'next/link';
import type { PostComment } from '@/components/api/social-types';
import { RelativeTime } from './relative-time';

/** A post's comments; text rendered as plain, line-break-preserving text. */
export function CommentList({ comments }: { comments: PostComment[] }) {
  if (comments.length === 0) return <p className="muted">No comments yet. Be the first.</p>;
  return (
    <ol className="comment-list" aria-label="Comments">
      {comments.map((comment) => (
        <li key={comment.commentId} className="comment-item">
          <p className="post-byline">
            <Link href={`/social/users/${encodeURIComponent(comment.author.userId)}`} className="post-author">
              {comment.author.name}
            </Link>
            <span className="muted small">
              {' · '}
              <RelativeTime iso={comment.createdAt} />
            </span>
          </p>
          <p className="prewrap">{comment.text}</p>
        </li>
      ))}
    </ol>
  );
}
