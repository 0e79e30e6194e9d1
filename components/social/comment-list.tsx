import type { PostComment } from '@/components/api/social-types';
import { InitialsAvatar } from '@/components/ui/avatar';
import { AuthorLink } from './author-link';
import { RelativeTime } from './relative-time';

/** A post's comments, oldest first; text rendered as plain, line-break-preserving text. */
export function CommentList({ comments }: { comments: PostComment[] }) {
  if (comments.length === 0) return <p className="text-muted-foreground text-sm">No comments yet. Be the first.</p>;
  return (
    <ol className="flex flex-col gap-4" aria-label="Comments">
      {comments.map((comment) => (
        <li key={comment.commentId} className="flex min-w-0 gap-3">
          <InitialsAvatar name={comment.author.name} className="size-8" />
          <div className="flex min-w-0 flex-1 flex-col gap-1 rounded-lg bg-muted/60 px-3 py-2">
            <p className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-sm">
              <AuthorLink userId={comment.author.userId} name={comment.author.name} />
              <span aria-hidden="true" className="text-muted-foreground">
                ·
              </span>
              <RelativeTime iso={comment.createdAt} className="text-muted-foreground" />
            </p>
            <p className="whitespace-pre-wrap break-words text-sm leading-relaxed [overflow-wrap:anywhere]">{comment.text}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
