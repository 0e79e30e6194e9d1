import { z } from 'zod';
import { consistencyToken, cursor as cursorOf, id, isoDateTime, limit as limitOf, text } from '@/server/shared/contract';
import { COMMENT_MAX, POST_MAX, TAG_MAX, TAGS_MAX } from './domain/limits';

/** HTTP contracts of the social context: they validate requests and generate the OpenAPI document. */
const uuid = id();
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(new RegExp(`^[\\p{L}\\p{N}_-]{1,${TAG_MAX}}$`, 'u'), `must be 1-${TAG_MAX} letters, digits, "-" or "_"`);

export const createPostInput = z.strictObject({
  text: text(POST_MAX),
  tags: z.array(tag).max(TAGS_MAX, `at most ${TAGS_MAX} tags`).optional(),
});
export const userIdInput = z.strictObject({ userId: uuid });
export const postIdInput = z.strictObject({ postId: uuid });
export const commentInput = z.strictObject({
  postId: uuid,
  text: text(COMMENT_MAX),
});

export const postWritten = z.object({ postId: z.uuid(), consistencyToken });
export const followWritten = z.object({ userId: z.uuid(), following: z.boolean(), consistencyToken });
export const likeWritten = z.object({ postId: z.uuid(), liked: z.boolean(), likeCount: z.number().int(), consistencyToken });
export const commentWritten = z.object({ commentId: z.uuid(), consistencyToken });

const author = z.object({ userId: z.uuid(), name: z.string() });

export const feedItem = z.object({
  postId: z.uuid(),
  author,
  text: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  likeCount: z.number().int(),
  commentCount: z.number().int(),
  likedByMe: z.boolean(),
  /** Opaque order key (the event's log position); SSE uses it as the event id. */
  cursor: z.string(),
});

export const feedPage = z.object({
  items: z.array(feedItem),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next (older) page; null at the end'),
  /** How the page was assembled: materialized entries read, authors merged at read time. */
  stats: z.object({ strategy: z.enum(['push', 'pull', 'hybrid']), materialized: z.number().int(), pulledAuthors: z.number().int(), scanned: z.number().int() }),
});

const limit = limitOf(50);
const cursor = cursorOf(/^\d{24}(\.\d{1,9})?$/);

export const userPostsParams = z.object({ userId: uuid, limit, cursor });

export const feedParams = z
  .object({
    limit,
    cursor,
    author: uuid.optional(),
    tag: tag.optional(),
    q: text(100).optional(),
    since: isoDateTime().optional(),
    until: isoDateTime().optional(),
  })
  .refine((p) => !p.since || !p.until || new Date(p.since) < new Date(p.until), { message: 'must be before until', path: ['since'] });

export const postIdParams = z.object({ postId: uuid });
export const userIdParams = z.object({ userId: uuid });

export const comment = z.object({ commentId: z.uuid(), author, text: z.string(), createdAt: z.string() });
export const postDetails = z.object({ post: feedItem, comments: z.array(comment) });

export const profile = z.object({
  userId: z.uuid(),
  name: z.string(),
  postCount: z.number().int(),
  followerCount: z.number().int(),
  followingCount: z.number().int(),
  followedByMe: z.boolean(),
  isMe: z.boolean(),
});

/** A person in the directory: their profile and their email, which tells two people of the same name apart. */
export const person = profile.extend({ email: z.string() });

export const peopleParams = z.object({
  q: z
    .string()
    .trim()
    .max(50, 'must be at most 50 characters')
    .optional()
    .describe('Start of any word of the name, any case ("lee" finds "Ada Lee"); several words must all match. Empty: everyone'),
  limit: limitOf(100, 50),
  cursor: cursorOf(),
});
export const peoplePage = z.object({ items: z.array(person), nextCursor: z.string().nullable() });
