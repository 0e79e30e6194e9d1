import Link from 'next/link';
import type { FeedItem } from '@/components/api/social-types';
import { feedHref } from './feed-href';
import { LikeButton } from './like-button';
import { RelativeTime } from './relative-time';

type PostCardProps = {
  post: FeedItem;
  /** Off on the post's own page. */
  linkToPost?: boolean;
  /** Off where the list already is one author's posts (their profile). */
  authorFilterLink?: boolean;
};

/**
 * One post. The text is rendered as a React string (never as HTML) in a pre-wrap block,
 * so line breaks survive and markup shows as typed.
 */
export function PostCard({ post, linkToPost = true, authorFilterLink = true }: PostCardProps) {
  const bylineId = `post-${post.postId}-byline`;
  const profileHref = `/social/users/${encodeURIComponent(post.author.userId)}`;
  const comments = `${post.commentCount} ${post.commentCount === 1 ? 'comment' : 'comments'}`;

  return (
    <article className="post-card" aria-labelledby={bylineId}>
      <header className="post-card-header">
        <p id={bylineId} className="post-byline">
          <Link href={profileHref} className="post-author">
            {post.author.name}
          </Link>
          <span className="muted small">
            {' · '}
            <RelativeTime iso={post.createdAt} />
          </span>
        </p>
        {authorFilterLink ? (
          <Link href={feedHref({ author: post.author.userId })} className="small post-only-author">
            Only {post.author.name}
          </Link>
        ) : null}
      </header>
      <p className="post-text prewrap">{post.text}</p>
      {post.tags.length > 0 ? (
        <ul className="post-tags" aria-label="Tags">
          {post.tags.map((tag) => (
            <li key={tag}>
              <Link href={feedHref({ tag })} className="tag-link">
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <footer className="post-card-actions">
        <LikeButton post={post} />
        {linkToPost ? (
          <Link href={`/social/posts/${encodeURIComponent(post.postId)}`} className="post-stat">
            {comments}
          </Link>
        ) : (
          <span className="post-stat">{comments}</span>
        )}
      </footer>
    </article>
  );
}
