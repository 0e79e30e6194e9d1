'use client';

import { Filter, Link2, MessageCircle, MoreHorizontal } from 'lucide-react';
import Link from 'next/link';
import { toast } from 'sonner';
import type { FeedItem } from '@/components/api/social-types';
import { InitialsAvatar } from '@/components/ui/avatar';
import { Button, buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { AuthorLink } from './author-link';
import { feedHref } from './feed-href';
import { LikeButton } from './like-button';
import { postHref, profileHref } from './profile-href';
import { RelativeTime } from './relative-time';

type PostCardProps = {
  post: FeedItem;
  /** Off on the post's own page. */
  linkToPost?: boolean;
  /** Off where the list already is one author's posts (their profile). */
  authorFilterLink?: boolean;
};

/**
 * One post: avatar, author, time, text, tags, like and comments. The text is rendered as a React
 * string (never as HTML) in a pre-wrap block, so line breaks survive and markup shows as typed.
 */
export function PostCard({ post, linkToPost = true, authorFilterLink = true }: PostCardProps) {
  const bylineId = `post-${post.postId}-byline`;
  const comments = `${post.commentCount} ${post.commentCount === 1 ? 'comment' : 'comments'}`;
  const href = postHref(post.postId);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(new URL(href, window.location.href).toString());
      toast.success('Link copied');
    } catch {
      toast.error('Could not copy the link');
    }
  };

  return (
    <article
      className="flex min-w-0 gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-xs transition-colors sm:gap-4 sm:p-5"
      aria-labelledby={bylineId}
    >
      <Link href={profileHref(post.author.userId)} tabIndex={-1} aria-hidden="true" className="shrink-0">
        <InitialsAvatar name={post.author.name} className="size-9 sm:size-10" />
      </Link>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <header className="flex min-w-0 items-start justify-between gap-2">
          <p className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-sm leading-6">
            <AuthorLink id={bylineId} userId={post.author.userId} name={post.author.name} />
            <span aria-hidden="true" className="text-muted-foreground">
              ·
            </span>
            <RelativeTime iso={post.createdAt} className="text-muted-foreground" />
          </p>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon-sm" className="-mt-1 -mr-2 text-muted-foreground" aria-label={`More about the post by ${post.author.name}`}>
                <MoreHorizontal aria-hidden="true" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              {authorFilterLink ? (
                <DropdownMenuItem asChild>
                  <Link href={feedHref({ author: post.author.userId })} className="text-inherit no-underline">
                    <Filter aria-hidden="true" />
                    Only posts by {post.author.name}
                  </Link>
                </DropdownMenuItem>
              ) : null}
              <DropdownMenuItem onSelect={() => void copyLink()}>
                <Link2 aria-hidden="true" />
                Copy link
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </header>
        <p className="whitespace-pre-wrap break-words text-[0.9375rem] leading-relaxed [overflow-wrap:anywhere]">{post.text}</p>
        {post.tags.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
            {post.tags.map((tag) => (
              <li key={tag}>
                <Link
                  href={feedHref({ tag })}
                  className="inline-flex rounded-full bg-primary/8 px-2 py-0.5 font-medium text-primary text-xs no-underline hover:bg-primary/15 hover:text-primary"
                >
                  #{tag}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <footer className="-ml-2.5 flex items-center gap-1">
          <LikeButton post={post} />
          {linkToPost ? (
            <Link
              href={href}
              className={cn(buttonVariants({ variant: 'ghost', size: 'sm' }), 'gap-1.5 text-muted-foreground no-underline hover:text-foreground')}
            >
              <MessageCircle aria-hidden="true" />
              <span className="tabular-nums">{post.commentCount}</span>
              <span className="sr-only"> {post.commentCount === 1 ? 'comment' : 'comments'}</span>
            </Link>
          ) : (
            <span className="inline-flex h-8 items-center gap-1.5 px-2.5 text-muted-foreground text-sm">
              <MessageCircle aria-hidden="true" className="size-4" />
              <span>{comments}</span>
            </span>
          )}
        </footer>
      </div>
    </article>
  );
}

/** The shape of a post while the list loads. */
export function PostCardSkeleton() {
  return (
    <div className="flex gap-3 rounded-xl border bg-card p-4 sm:gap-4 sm:p-5" aria-hidden="true">
      <Skeleton className="size-9 shrink-0 rounded-full sm:size-10" />
      <div className="flex flex-1 flex-col gap-2.5">
        <Skeleton className="h-4 w-40 rounded" />
        <Skeleton className="h-4 w-full rounded" />
        <Skeleton className="h-4 w-3/4 rounded" />
        <Skeleton className="h-6 w-24 rounded" />
      </div>
    </div>
  );
}
