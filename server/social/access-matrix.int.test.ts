import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { accessMatrix } from '@/server/testing/access-matrix';
import { type ApiResponse, type Caller, command, newUser, query } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { socialContext } from '.';
import { createPost } from './commands/create-post';
import { followUser } from './commands/follow-user';
import { likePost } from './commands/like-post';
import { unfollowUser } from './commands/unfollow-user';
import { getFeed } from './queries/get-feed';
import { getPostDetails } from './queries/get-post-details';
import { GET as streamFeed } from '@/app/api/queries/social/feed/stream/route';

/**
 * Every social command and query for every kind of caller: all of them need a signed-in user
 * (posts are public to members, never to the anonymous web), as each route declares. Then the one
 * per-user read model, the feed: a member only ever sees their own, built from the people they follow.
 */
interface Fixture {
  authorId: string;
  postId: string;
}

/** GET /api/queries/social/feed/stream, read as a normal response (the body is cancelled at once). */
async function stream(caller: Caller): Promise<ApiResponse> {
  const controller = new AbortController();
  const req = new NextRequest('http://localhost/api/queries/social/feed/stream', {
    headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
    signal: controller.signal,
  });
  const res = await streamFeed(req);
  try {
    const body = res.headers.get('content-type') === 'application/problem+json' ? await res.json() : null;
    return { status: res.status, headers: res.headers, body };
  } finally {
    controller.abort();
    await res.body?.cancel().catch(() => {});
  }
}

const onThePost = ({ postId }: Fixture) => ({ postId });
const theAuthor = ({ authorId }: Fixture) => ({ userId: authorId });

accessMatrix<Fixture>({
  context: socialContext,
  async fixture() {
    const author = await newUser(['attendee'], 'Matrix Author');
    const res = await command(createPost, author, { text: 'matrix post' });
    await projectAll();
    return { authorId: author.actor.userId, postId: res.body.postId };
  },
  // access is checked before the input: an anonymous caller learns nothing about ids or fields
  requests: {
    'social/create-post': { input: () => ({ text: `matrix ${randomUUID()}` }) },
    'social/follow-user': [{ input: theAuthor }, { label: 'unknown user', input: () => ({ userId: randomUUID() }), allowed: 404 }],
    'social/unfollow-user': { input: theAuthor },
    'social/like-post': [{ input: onThePost }, { label: 'bad input', input: () => ({ postId: 'nope' }), allowed: 400 }],
    'social/unlike-post': { input: onThePost },
    'social/comment-on-post': { input: ({ postId }) => ({ postId, text: 'matrix comment' }) },
    '/api/queries/social/feed': [
      { input: () => ({}) },
      { label: 'filtered', input: () => ({ tag: 'x', q: 'y' }) },
      { label: 'bad limit', input: () => ({ limit: '0' }), allowed: 400 },
    ],
    '/api/queries/social/people': { input: () => ({ q: 'matrix' }) },
    '/api/queries/social/users/{userId}': { input: theAuthor },
    '/api/queries/social/users/{userId}/posts': { input: theAuthor },
    '/api/queries/social/posts/{postId}': [{ input: onThePost }, { label: 'unknown post', input: () => ({ postId: randomUUID() }), allowed: 404 }],
  },
  extraRoutes: [{ key: '/api/queries/social/feed/stream', access: 'signed-in', call: stream }],
});

describe('the feed stream', () => {
  it('answers a member with an event stream', async () => {
    const member = await newUser();
    const controller = new AbortController();
    const res = await streamFeed(
      new NextRequest('http://localhost/api/queries/social/feed/stream', {
        headers: { authorization: `Bearer ${member.token}` },
        signal: controller.signal,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    controller.abort();
    await res.body?.cancel().catch(() => {});
  });
});

describe('a member only ever sees their own feed', () => {
  const post = async (who: Caller, text: string) => {
    const res = await command(createPost, who, { text, tags: ['shared'] });
    expect(res.status).toBe(201);
    return res.body.postId as string;
  };
  const feedIds = async (who: Caller, params: Record<string, string> = {}) => {
    const res = await query(getFeed, who, { limit: '50', ...params });
    expect(res.status).toBe(200);
    return res.body.items.map((i: { postId: string }) => i.postId) as string[];
  };

  it('the feed holds the reader’s and their followees’ posts, never a stranger’s, whatever the parameters say', async () => {
    const [reader, followed, stranger, fan1, fan2] = await Promise.all([newUser(), newUser(), newUser(), newUser(), newUser()]);
    // `star` has enough followers to be merged at read time (pull threshold 3 in int tests)
    const star = await newUser();
    for (const f of [reader, fan1, fan2]) expect((await command(followUser, f, { userId: star.actor.userId })).status).toBe(200);
    expect((await command(followUser, reader, { userId: followed.actor.userId })).status).toBe(200);
    // the stranger follows the reader: that edge points the other way and shows nothing
    expect((await command(followUser, stranger, { userId: reader.actor.userId })).status).toBe(200);
    const mine = await post(reader, 'by the reader');
    const fromFollowed = await post(followed, 'by someone the reader follows');
    const fromStar = await post(star, 'by a big account the reader follows');
    const fromStranger = await post(stranger, 'by a stranger');
    const fromFan = await post(fan1, 'by another fan of the star');
    await projectAll();

    const own = await feedIds(reader);
    expect(own).toEqual([fromStar, fromFollowed, mine]);
    // no parameter turns the feed into someone else's: unknown ones are ignored, filters only narrow
    expect(await feedIds(reader, { userId: stranger.actor.userId, owner: stranger.actor.userId })).toEqual(own);
    expect(await feedIds(reader, { author: stranger.actor.userId })).toEqual([]);
    expect(await feedIds(reader, { author: fan1.actor.userId })).toEqual([]);
    expect(await feedIds(reader, { tag: 'shared' })).toEqual(own);
    expect(await feedIds(reader, { q: 'stranger' })).toEqual([]);

    // the edge is one-way: the stranger follows the reader, so the reader's post is in the stranger's feed
    expect(await feedIds(stranger)).toEqual([fromStranger, mine]);
    // the followed user does not follow the reader back
    expect(await feedIds(followed)).toEqual([fromFollowed]);
    expect(await feedIds(fan1)).toEqual([fromFan, fromStar]);
    expect(await feedIds(star)).toEqual([fromStar]);

    // after an unfollow the posts leave the feed
    expect((await command(unfollowUser, reader, { userId: star.actor.userId })).status).toBe(200);
    expect((await command(unfollowUser, reader, { userId: followed.actor.userId })).status).toBe(200);
    await projectAll();
    expect(await feedIds(reader)).toEqual([mine]);
    expect(await feedIds(reader, { author: followed.actor.userId })).toEqual([]);
  });

  it('likedByMe is the caller’s own like, never someone else’s', async () => {
    const [a, b] = await Promise.all([newUser(), newUser()]);
    const id = await post(a, 'like me');
    expect((await command(likePost, b, { postId: id })).status).toBe(200);
    await projectAll();
    const asA = await query(getPostDetails, a, { postId: id });
    const asB = await query(getPostDetails, b, { postId: id });
    expect(asA.body.post).toMatchObject({ likeCount: 1, likedByMe: false });
    expect(asB.body.post).toMatchObject({ likeCount: 1, likedByMe: true });
  });
});
