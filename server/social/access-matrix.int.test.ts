import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, command, newUser, query, type ApiResponse, type Caller } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { commentOnPost } from './commands/comment-on-post';
import { createPost } from './commands/create-post';
import { followUser } from './commands/follow-user';
import { likePost } from './commands/like-post';
import { unfollowUser } from './commands/unfollow-user';
import { unlikePost } from './commands/unlike-post';
import { getFeed } from './queries/get-feed';
import { getPostDetails } from './queries/get-post-details';
import { getProfile } from './queries/get-profile';
import { getUserPosts } from './queries/get-user-posts';
import { listPeople } from './queries/list-people';
import { streamFeed } from './queries/stream-feed';

/**
 * Every social command and query for every kind of caller: all of them need a signed-in user
 * (posts are public to members, never to the anonymous web). Then the one per-user read model,
 * the feed: a member only ever sees their own, built from the people they follow.
 */
const roles = ['anonymous', 'bad token', 'forged token', 'member'] as const;
type Role = (typeof roles)[number];
const callers = {} as Record<Role, Caller>;
let author: Caller;
let postId: string;

beforeAll(async () => {
  const [member, a] = await Promise.all([newUser(['attendee'], 'Matrix Member'), newUser(['attendee'], 'Matrix Author')]);
  author = a;
  Object.assign(callers, {
    anonymous,
    'bad token': { actor: null, token: 'not-a-jwt' },
    // a well-formed JWT shape that this server did not sign
    'forged token': { actor: null, token: `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.e30.sig` },
    member,
  });
  const res = await command(createPost, author, { text: 'matrix post' });
  postId = res.body.postId;
  await projectAll();
});

type Call = (caller: Caller) => Promise<ApiResponse>;

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

const routes: { route: string; call: Call; ok: number }[] = [
  { route: 'POST create-post', call: (c) => command(createPost, c, { text: `matrix ${randomUUID()}` }), ok: 201 },
  { route: 'POST follow-user', call: (c) => command(followUser, c, { userId: author.actor!.userId }), ok: 200 },
  { route: 'POST unfollow-user', call: (c) => command(unfollowUser, c, { userId: author.actor!.userId }), ok: 200 },
  { route: 'POST like-post', call: (c) => command(likePost, c, { postId }), ok: 200 },
  { route: 'POST unlike-post', call: (c) => command(unlikePost, c, { postId }), ok: 200 },
  { route: 'POST comment-on-post', call: (c) => command(commentOnPost, c, { postId, text: 'matrix comment' }), ok: 201 },
  { route: 'GET feed', call: (c) => query(getFeed, c), ok: 200 },
  { route: 'GET feed (filtered)', call: (c) => query(getFeed, c, { tag: 'x', q: 'y' }), ok: 200 },
  { route: 'GET feed/stream', call: stream, ok: 200 },
  { route: 'GET people', call: (c) => query(listPeople, c, { prefix: 'matrix' }), ok: 200 },
  { route: 'GET users/{userId}', call: (c) => query(getProfile, c, { userId: author.actor!.userId }), ok: 200 },
  { route: 'GET users/{userId}/posts', call: (c) => query(getUserPosts, c, { userId: author.actor!.userId }), ok: 200 },
  { route: 'GET posts/{postId}', call: (c) => query(getPostDetails, c, { postId }), ok: 200 },
  // access is checked before the input: an anonymous caller learns nothing about ids or fields
  { route: 'POST follow-user (unknown user)', call: (c) => command(followUser, c, { userId: randomUUID() }), ok: 404 },
  { route: 'POST like-post (bad input)', call: (c) => command(likePost, c, { postId: 'nope' }), ok: 400 },
  { route: 'GET posts/{postId} (unknown post)', call: (c) => query(getPostDetails, c, { postId: randomUUID() }), ok: 404 },
  { route: 'GET feed (bad limit)', call: (c) => query(getFeed, c, { limit: '0' }), ok: 400 },
];

const cells = routes.flatMap(({ route, call, ok }) => roles.map((role) => ({ route, role, call, status: role === 'member' ? ok : 401 })));

describe('social access matrix', () => {
  it.each(cells)('$role → $route: $status', async ({ role, call, status }) => {
    const res = await call(callers[role]);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 401) {
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.code).toBe('unauthenticated');
    }
  });

  it('the stream answers a member with an event stream', async () => {
    const controller = new AbortController();
    const res = await streamFeed(
      new NextRequest('http://localhost/api/queries/social/feed/stream', {
        headers: { authorization: `Bearer ${callers.member.token}` },
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
    for (const f of [reader, fan1, fan2]) expect((await command(followUser, f, { userId: star.actor!.userId })).status).toBe(200);
    expect((await command(followUser, reader, { userId: followed.actor!.userId })).status).toBe(200);
    // the stranger follows the reader: that edge points the other way and shows nothing
    expect((await command(followUser, stranger, { userId: reader.actor!.userId })).status).toBe(200);
    const mine = await post(reader, 'by the reader');
    const fromFollowed = await post(followed, 'by someone the reader follows');
    const fromStar = await post(star, 'by a big account the reader follows');
    const fromStranger = await post(stranger, 'by a stranger');
    const fromFan = await post(fan1, 'by another fan of the star');
    await projectAll();

    const own = await feedIds(reader);
    expect(own).toEqual([fromStar, fromFollowed, mine]);
    // no parameter turns the feed into someone else's: unknown ones are ignored, filters only narrow
    expect(await feedIds(reader, { userId: stranger.actor!.userId, owner: stranger.actor!.userId })).toEqual(own);
    expect(await feedIds(reader, { author: stranger.actor!.userId })).toEqual([]);
    expect(await feedIds(reader, { author: fan1.actor!.userId })).toEqual([]);
    expect(await feedIds(reader, { tag: 'shared' })).toEqual(own);
    expect(await feedIds(reader, { q: 'stranger' })).toEqual([]);

    // the edge is one-way: the stranger follows the reader, so the reader's post is in the stranger's feed
    expect(await feedIds(stranger)).toEqual([fromStranger, mine]);
    // the followed user does not follow the reader back
    expect(await feedIds(followed)).toEqual([fromFollowed]);
    expect(await feedIds(fan1)).toEqual([fromFan, fromStar]);
    expect(await feedIds(star)).toEqual([fromStar]);

    // after an unfollow the posts leave the feed
    expect((await command(unfollowUser, reader, { userId: star.actor!.userId })).status).toBe(200);
    expect((await command(unfollowUser, reader, { userId: followed.actor!.userId })).status).toBe(200);
    await projectAll();
    expect(await feedIds(reader)).toEqual([mine]);
    expect(await feedIds(reader, { author: followed.actor!.userId })).toEqual([]);
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
