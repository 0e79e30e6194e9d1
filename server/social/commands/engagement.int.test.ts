import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbFor, pool } from '@/db/client';
import { readDb } from '@/db/mongo';
import { readStream } from '@/server/cqrs/event-store';
import { liveGenerations, storeFor } from '@/server/cqrs/read-models';
import { command, expectRefusal, newUser, query, type Caller } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { socialFeedProjector } from '../projections/social-projector';
import { getFeed } from '../queries/get-feed';
import { getPostDetails } from '../queries/get-post-details';
import { getUserPosts } from '../queries/get-user-posts';
import { commentOnPost } from './comment-on-post';
import { createPost } from './create-post';
import { followUser } from './follow-user';
import { likePost } from './like-post';
import { unlikePost } from './unlike-post';

const db = () => dbFor(pool());

async function newPost(author: Caller, text = `post ${randomUUID()}`): Promise<string> {
  const res = await command(createPost, author, { text });
  expect(res.status).toBe(201);
  return res.body.postId;
}

/** The write model's view of a post: the row's counters, the like rows and the post's stream. */
async function written(postId: string) {
  const { rows } = await db().execute<{ like_count: number; comment_count: number; version: number; likes: number; events: string[]; versions: number[] }>(sql`
    SELECT p.like_count, p.comment_count, p.version,
           (SELECT count(*) FROM likes l WHERE l.post_id = p.id)::int AS likes,
           coalesce((SELECT array_agg(e.type ORDER BY e.stream_version) FROM domain_events e WHERE e.stream_id = ${`social-post-${postId}`}), '{}') AS events,
           coalesce((SELECT array_agg(e.stream_version ORDER BY e.stream_version) FROM domain_events e WHERE e.stream_id = ${`social-post-${postId}`}), '{}') AS versions
      FROM posts p WHERE p.id = ${postId}`);
  return rows[0];
}

describe('likes', () => {
  it('10 concurrent likers count exactly 10; repeats and unlikes keep the count exact; the read model agrees per viewer', async () => {
    const author = await newUser();
    const likers = await Promise.all(Array.from({ length: 10 }, () => newUser()));
    const postId = await newPost(author);

    const first = await Promise.all(likers.map((u) => command(likePost, u, { postId })));
    for (const res of first) expect(res.body, JSON.stringify(res.body)).toMatchObject({ postId, liked: true });
    expect(first.map((r) => r.status)).toEqual(Array(10).fill(200));
    // each answer is the count right after that like: every value 1..10 exactly once
    expect(first.map((r) => r.body.likeCount).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    let w = await written(postId);
    expect(w).toMatchObject({ like_count: 10, likes: 10, version: 10 });
    expect(w.events).toEqual(Array(10).fill('PostLiked'));
    expect(w.versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // liking again, all at once: nothing changes, nothing is written, and each answer says 10
    const again = await Promise.all(likers.map((u) => command(likePost, u, { postId })));
    for (const res of again) expect(res).toMatchObject({ status: 200, body: { liked: true, likeCount: 10, consistencyToken: null } });
    expect((await written(postId)).events).toHaveLength(10);

    // three unlike concurrently, one of them twice, and someone who never liked unlikes
    const stranger = await newUser();
    const unlikes = await Promise.all([...likers.slice(0, 3), likers[0], stranger].map((u) => command(unlikePost, u, { postId })));
    for (const res of unlikes) expect(res).toMatchObject({ status: 200, body: { liked: false } });
    expect((await command(unlikePost, stranger, { postId })).body).toMatchObject({ liked: false, likeCount: 7 });
    w = await written(postId);
    expect(w).toMatchObject({ like_count: 7, likes: 7, version: 13 });
    expect(w.events.filter((t) => t === 'PostUnliked')).toHaveLength(3);

    await projectAll();
    for (const [i, viewer] of likers.entries()) {
      const res = await query(getPostDetails, viewer, { postId });
      expect(res.status).toBe(200);
      expect(res.body.post).toMatchObject({ postId, likeCount: 7, likedByMe: i >= 3 });
    }
    for (const viewer of [author, stranger])
      expect((await query(getPostDetails, viewer, { postId })).body.post).toMatchObject({ likeCount: 7, likedByMe: false });
    // the same counts in the author's own feed and on their timeline
    const feed = await query(getFeed, author, {});
    expect(feed.body.items.find((i: { postId: string }) => i.postId === postId)).toMatchObject({ likeCount: 7, likedByMe: false });
    const timeline = await query(getUserPosts, likers[5], { userId: author.actor.userId });
    expect(timeline.body.items[0]).toMatchObject({ postId, likeCount: 7, likedByMe: true });
  });

  it('likes of one user on different posts are independent, and a follower sees their own likes in the feed', async () => {
    const [author, fan] = await Promise.all([newUser(), newUser()]);
    expect((await command(followUser, fan, { userId: author.actor.userId })).status).toBe(200);
    const [p1, p2] = [await newPost(author, 'one'), await newPost(author, 'two')];
    expect((await command(likePost, fan, { postId: p1 })).body).toMatchObject({ liked: true, likeCount: 1 });
    expect((await command(likePost, author, { postId: p2 })).body).toMatchObject({ liked: true, likeCount: 1 });
    await projectAll();
    const items = (await query(getFeed, fan, {})).body.items as { postId: string; likeCount: number; likedByMe: boolean }[];
    expect(items.map((i) => [i.postId, i.likeCount, i.likedByMe])).toEqual([
      [p2, 1, false],
      [p1, 1, true],
    ]);
  });

  it("replaying a post's events through the projector (a redelivered batch) changes no count and duplicates nothing", async () => {
    const [author, fan] = await Promise.all([newUser(), newUser()]);
    expect((await command(followUser, fan, { userId: author.actor.userId })).status).toBe(200);
    const postId = await newPost(author);
    await command(likePost, fan, { postId });
    await command(unlikePost, fan, { postId });
    await command(likePost, fan, { postId });
    await command(commentOnPost, author, { postId, text: 'thanks' });
    await projectAll();

    // the worker died after applying these but before saving its checkpoint: they come again, in order
    const created = (await readStream(db(), `social-member-${author.actor.userId}`)).filter((e) => e.type === 'PostCreated');
    const engagement = await readStream(db(), `social-post-${postId}`);
    expect(engagement.map((e) => e.type)).toEqual(['PostLiked', 'PostUnliked', 'PostLiked', 'CommentAdded']);
    const readDbNow = await readDb();
    const store = storeFor(readDbNow, await liveGenerations(readDbNow, socialFeedProjector.collections));
    for (const event of [...created, ...engagement]) await socialFeedProjector.apply(event, store);

    const details = await query(getPostDetails, fan, { postId });
    expect(details.body.post).toMatchObject({ likeCount: 1, commentCount: 1, likedByMe: true });
    expect(details.body.comments).toHaveLength(1);
    expect((await query(getFeed, fan, {})).body.items.map((i: { postId: string }) => i.postId)).toEqual([postId]);
    expect((await query(getUserPosts, fan, { userId: author.actor.userId })).body.items.map((i: { postId: string }) => i.postId)).toEqual([postId]);
    expect(await written(postId)).toMatchObject({ like_count: 1, comment_count: 1, version: 4 });
  });
});

describe('comments', () => {
  it('are listed oldest first with their authors, trimmed, and counted on the post', async () => {
    const [author, c1, c2] = await Promise.all([
      newUser(['attendee'], 'Post Author'),
      newUser(['attendee'], 'First Commenter'),
      newUser(['attendee'], 'Second Commenter'),
    ]);
    const postId = await newPost(author);
    const texts: [Caller, string][] = [
      [c1, '  first!  '],
      [c2, 'second'],
      [c1, 'third, by the first again'],
      [author, 'the author answers'],
    ];
    const ids: string[] = [];
    for (const [who, text] of texts) {
      const res = await command(commentOnPost, who, { postId, text });
      expect(res.status).toBe(201);
      expect(res.body.commentId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.consistencyToken).toEqual(expect.any(String));
      ids.push(res.body.commentId);
    }
    expect(new Set(ids).size).toBe(4);
    expect(await written(postId)).toMatchObject({ comment_count: 4, like_count: 0, version: 4, events: Array(4).fill('CommentAdded') });

    await projectAll();
    const res = await query(getPostDetails, c2, { postId });
    expect(res.body.post).toMatchObject({ postId, commentCount: 4, likeCount: 0 });
    expect(
      res.body.comments.map((c: { commentId: string; text: string; author: { userId: string; name: string } }) => [c.commentId, c.text, c.author.name]),
    ).toEqual([
      [ids[0], 'first!', 'First Commenter'],
      [ids[1], 'second', 'Second Commenter'],
      [ids[2], 'third, by the first again', 'First Commenter'],
      [ids[3], 'the author answers', 'Post Author'],
    ]);
    expect(res.body.comments[0].author.userId).toBe(c1.actor.userId);
    const times = res.body.comments.map((c: { createdAt: string }) => Date.parse(c.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('concurrent comments are all counted', async () => {
    const author = await newUser();
    const commenters = await Promise.all(Array.from({ length: 6 }, () => newUser()));
    const postId = await newPost(author);
    const results = await Promise.all(commenters.map((u, i) => command(commentOnPost, u, { postId, text: `c${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(await written(postId)).toMatchObject({ comment_count: 6, version: 6 });
    await projectAll();
    const res = await query(getPostDetails, author, { postId });
    expect(res.body.post.commentCount).toBe(6);
    expect(res.body.comments.map((c: { text: string }) => c.text).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('likes and comments on one post interleave without losing either count', async () => {
    const author = await newUser();
    const users = await Promise.all(Array.from({ length: 4 }, () => newUser()));
    const postId = await newPost(author);
    await Promise.all(users.flatMap((u) => [command(likePost, u, { postId }), command(commentOnPost, u, { postId, text: 'both' })]));
    expect(await written(postId)).toMatchObject({ like_count: 4, comment_count: 4, version: 8 });
    await projectAll();
    expect((await query(getPostDetails, users[0], { postId })).body.post).toMatchObject({ likeCount: 4, commentCount: 4, likedByMe: true });
  });
});

describe('Idempotency-Key on create-post', () => {
  const postsBy = async (userId: string) => (await db().execute<{ id: string }>(sql`SELECT id FROM posts WHERE author_id = ${userId}`)).rows.map((r) => r.id);
  const createdEvents = async (userId: string) =>
    (
      await db().execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM domain_events WHERE type = 'PostCreated' AND stream_id = ${`social-member-${userId}`}`,
      )
    ).rows[0].n;

  it('a replay returns the same postId and writes one post', async () => {
    const author = await newUser();
    const key = `create-${randomUUID()}`;
    const body = { text: 'once only', tags: ['retry'] };
    const first = await command(createPost, author, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const second = await command(createPost, author, body, { 'idempotency-key': key });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await postsBy(author.actor.userId)).toEqual([first.body.postId]);
    expect(await createdEvents(author.actor.userId)).toBe(1);

    // a reordered but equal body is the same request
    const reordered = await command(createPost, author, JSON.stringify({ tags: ['retry'], text: 'once only' }), { 'idempotency-key': key });
    expect(reordered.body.postId).toBe(first.body.postId);

    await projectAll();
    const timeline = await query(getUserPosts, author, { userId: author.actor.userId });
    expect(timeline.body.items.map((i: { postId: string }) => i.postId)).toEqual([first.body.postId]);
  });

  it('concurrent retries with one key write one post and all answer with its id', async () => {
    const author = await newUser();
    const key = `burst-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => command(createPost, author, { text: 'burst' }, { 'idempotency-key': key })));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(new Set(results.map((r) => r.body.postId)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    expect(await postsBy(author.actor.userId)).toEqual([results[0].body.postId]);
    expect(await createdEvents(author.actor.userId)).toBe(1);
  });

  it('the same key with another body is refused and writes nothing; other keys and other users are independent', async () => {
    const [author, other] = await Promise.all([newUser(), newUser()]);
    const key = `reuse-${randomUUID()}`;
    const first = await command(createPost, author, { text: 'original' }, { 'idempotency-key': key });
    expectRefusal(await command(createPost, author, { text: 'different' }, { 'idempotency-key': key }), 409, 'idempotency-key-reused');
    const fresh = await command(createPost, author, { text: 'original' }, { 'idempotency-key': `${key}-2` });
    // the key is scoped per caller: another user's identical request is a new post
    const theirs = await command(createPost, other, { text: 'original' }, { 'idempotency-key': key });
    expect(new Set([first.body.postId, fresh.body.postId, theirs.body.postId]).size).toBe(3);
    expect((await postsBy(author.actor.userId)).sort()).toEqual([first.body.postId, fresh.body.postId].sort());
    expect(await createdEvents(author.actor.userId)).toBe(2);
  });

  it('without a key, two identical requests are two posts', async () => {
    const author = await newUser();
    await newPost(author, 'same');
    await newPost(author, 'same');
    expect(await postsBy(author.actor.userId)).toHaveLength(2);
  });
});
