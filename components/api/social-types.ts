import type { z } from 'zod';
import type {
  comment,
  commentWritten,
  createPostInput,
  feedItem,
  feedPage,
  followWritten,
  likeWritten,
  peoplePage,
  postDetails,
  postWritten,
  profile,
} from '@/server/social/schemas';

/**
 * The social API's shapes, inferred from the same zod contracts the server validates with
 * (type-only imports: nothing from the server reaches the browser bundle).
 */
export type FeedItem = z.infer<typeof feedItem>;
export type FeedPage = z.infer<typeof feedPage>;
export type PostAuthor = FeedItem['author'];
export type PostComment = z.infer<typeof comment>;
export type PostDetails = z.infer<typeof postDetails>;
export type Profile = z.infer<typeof profile>;
export type PeoplePage = z.infer<typeof peoplePage>;
export type CreatePostInput = z.input<typeof createPostInput>;

/** Command answers without the token: api-client keeps it (and CommandResult wants it optional). */
type Written<T extends { consistencyToken: unknown }> = Omit<T, 'consistencyToken'>;
export type PostCreated = Written<z.infer<typeof postWritten>>;
export type FollowChanged = Written<z.infer<typeof followWritten>>;
export type LikeChanged = Written<z.infer<typeof likeWritten>>;
export type CommentCreated = Written<z.infer<typeof commentWritten>>;

/**
 * What the feed is narrowed to, as it appears in the URL. Dates are the viewer's local
 * calendar days ("2031-01-14"), both inclusive; use-feed turns them into instants.
 */
export type FeedFilters = {
  author?: string;
  tag?: string;
  q?: string;
  since?: string;
  until?: string;
};
/** A person in the directory: a profile plus the email that tells two people of the same name apart. */
export type Person = PeoplePage['items'][number];
