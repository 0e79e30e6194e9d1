import { describe, expect, it } from 'vitest';
import { DocumentsInMemory } from '@/server/cqrs/document-projector';
import type { StoredEvent } from '@/server/cqrs/types';
import { userStreamId } from '@/server/identity/domain/domain-events';
import { eventLog, projectionSpec } from '@/server/testing/projection-spec';
import { memberStreamId, postStreamId } from '../domain/domain-events';
import { entryKey, RECENT_POSTS, TIMELINE_BUCKET } from '../read-models/feed-layout';
import { COMMENTS, FOLLOWS, LIKES, POSTS, PROFILES, type ProfileDoc, TIMELINES } from '../read-models/read-model-docs';
import { socialDocuments } from './social-documents';

const T = '2030-01-01T00:00:00.000Z';
const hybrid = projectionSpec(socialDocuments('hybrid', 2));

/** A small social log: every builder appends to the right stream, as the command handlers do. */
function socialLog() {
  const append = eventLog();
  const posts = new Map<string, number>();
  const counts = new Map<string, { followers: number; following: number; version: number }>();
  const countsOf = (id: string) => counts.get(id) ?? { followers: 0, following: 0, version: 0 };
  return {
    user: (userId: string, name = userId.toUpperCase()) =>
      append(userStreamId(userId), { type: 'UserCreated', data: { userId, email: `${userId}@x.test`, name, roles: [] } }),
    post: (userId: string, postId: string, tags: string[] = []) => {
      const authorSeq = (posts.get(userId) ?? 0) + 1;
      posts.set(userId, authorSeq);
      const data = { postId, author: { userId, name: userId.toUpperCase() }, authorSeq, text: `text of ${postId}`, tags, createdAt: T, postCount: authorSeq };
      return append(memberStreamId(userId), { type: 'PostCreated', data });
    },
    follow: (followerId: string, followeeId: string, type: 'UserFollowed' | 'UserUnfollowed' = 'UserFollowed') => {
      const step = type === 'UserFollowed' ? 1 : -1;
      const follower = countsOf(followerId);
      const followee = countsOf(followeeId);
      counts.set(followerId, { ...follower, following: follower.following + step, version: follower.version + 1 });
      counts.set(followeeId, { ...followee, followers: followee.followers + step, version: followee.version + 1 });
      const data = {
        followerId,
        followeeId,
        followerCount: followee.followers + step,
        followingCount: follower.following + step,
        followerCountsVersion: follower.version + 1,
        followeeCountsVersion: followee.version + 1,
        followedAt: T,
      };
      return append(memberStreamId(followerId), { type, data } as never) as StoredEvent;
    },
    like: (postId: string, userId: string, likeCount: number, type: 'PostLiked' | 'PostUnliked' = 'PostLiked') =>
      append(postStreamId(postId), { type, data: { postId, userId, likeCount } }),
    comment: (postId: string, commentId: string, commentCount: number) =>
      append(postStreamId(postId), {
        type: 'CommentAdded',
        data: { postId, commentId, author: { userId: 'c', name: 'C' }, text: 'nice', createdAt: T, commentCount },
      }),
  };
}

const profile = (userId: string, extra: Partial<ProfileDoc> = {}): ProfileDoc => ({
  _id: userId,
  name: userId.toUpperCase(),
  email: `${userId}@x.test`,
  nameLower: userId,
  initial: userId.charAt(0),
  namePrefixes: [...userId].map((_, i) => userId.slice(0, i + 1)),
  postCount: 0,
  followerCount: 0,
  followingCount: 0,
  mode: 'push',
  ...extra,
});
const entryOf = (event: StoredEvent, postId: string, authorId: string, tags: string[] = []) => ({
  key: entryKey(event.transactionId, event.position),
  postId,
  authorId,
  createdAt: new Date(T),
  tags,
});

describe('the social per-key documents', () => {
  it('a member’s profile holds the email and every prefix of every name word, for the people search', async () => {
    const log = socialLog();
    await hybrid.given(log.user('ada', 'Ada Lee'), log.user('emi', "Émile O'Neil-Park"), log.user('d3', '3D Club')).expect({
      [PROFILES]: [
        profile('ada', { name: 'Ada Lee', nameLower: 'ada lee', namePrefixes: ['a', 'ad', 'ada', 'l', 'le', 'lee'] }),
        profile('emi', {
          name: "Émile O'Neil-Park",
          nameLower: "émile o'neil-park",
          initial: '#',
          namePrefixes: ['é', 'ém', 'émi', 'émil', 'émile', 'o', 'n', 'ne', 'nei', 'neil', 'p', 'pa', 'par', 'park'],
        }),
        profile('d3', { name: '3D Club', nameLower: '3d club', initial: '#', namePrefixes: ['3', '3d', 'c', 'cl', 'clu', 'club'] }),
      ],
    });
  });

  it('caps each word’s prefixes at 20 characters', async () => {
    const log = socialLog();
    const long = 'abcdefghijklmnopqrstuvwxyz';
    const memory = new DocumentsInMemory();
    await socialDocuments('hybrid', 2)(memory.apply, log.user('x', `X ${long}`));
    const prefixes = memory.get<ProfileDoc>(PROFILES, 'x')!.namePrefixes;
    expect(prefixes).toContain(long.slice(0, 20));
    expect(prefixes).not.toContain(long.slice(0, 21));
  });

  it('a post creates its post document, a timeline entry and the author’s recent list', async () => {
    const log = socialLog();
    const created = log.user('ann');
    const posted = log.post('ann', 'p1', ['cqrs']);
    const entry = entryOf(posted, 'p1', 'ann', ['cqrs']);
    await hybrid.given(created, posted).expect({
      [PROFILES]: [profile('ann', { postCount: 1, recent: [entry] })],
      [POSTS]: [
        {
          _id: 'p1',
          key: entry.key,
          author: { userId: 'ann', name: 'ANN' },
          text: 'text of p1',
          tags: ['cqrs'],
          createdAt: new Date(T),
          likeCount: 0,
          commentCount: 0,
          version: 0,
        },
      ],
      [TIMELINES]: [{ _id: 'ann:0', authorId: 'ann', bucket: 0, items: [entry] }],
    });
  });

  it(`keeps the newest ${RECENT_POSTS} posts on the profile and starts a new timeline bucket every ${TIMELINE_BUCKET}`, async () => {
    const log = socialLog();
    const events = [log.user('ann'), ...Array.from({ length: TIMELINE_BUCKET + 1 }, (_, i) => log.post('ann', `p${i}`))];
    const memory = new DocumentsInMemory();
    const step = socialDocuments('hybrid', 2);
    for (const e of events) await step(memory.apply, e);
    const ann = memory.get<ProfileDoc>(PROFILES, 'ann')!;
    expect(ann.postCount).toBe(TIMELINE_BUCKET + 1);
    expect(ann.recent!.map((e) => e.postId)).toEqual(Array.from({ length: RECENT_POSTS }, (_, i) => `p${TIMELINE_BUCKET - i}`));
    expect([...memory.documents<{ _id: string; items: unknown[] }>(TIMELINES)].map((t) => [t._id, t.items.length])).toEqual([
      ['ann:0', TIMELINE_BUCKET],
      ['ann:1', 1],
    ]);
  });

  it('sets each follow count only from a newer revision of its member’s counts, even when two follows arrive in the other order', async () => {
    const log = socialLog();
    const users = ['ann', 'bob', 'cy'].map((u) => log.user(u));
    const bobFollowsAnn = log.follow('bob', 'ann');
    const cyFollowsAnn = log.follow('cy', 'ann');
    await hybrid.given(...users, cyFollowsAnn, bobFollowsAnn).expect({
      [PROFILES]: [
        // ann's follower count 2 is revision 2; bob's event (revision 1, count 1) arrives later and is ignored
        profile('ann', { followerCount: 2, followerCountAt: 2, mode: 'pull' }),
        profile('bob', { followingCount: 1, followingCountAt: 1 }),
        profile('cy', { followingCount: 1, followingCountAt: 1 }),
      ],
      [FOLLOWS]: [
        { _id: 'bob:ann', followerId: 'bob', followeeId: 'ann' },
        { _id: 'cy:ann', followerId: 'cy', followeeId: 'ann' },
      ],
    });
  });

  it('turns an author pull at the threshold only under the hybrid strategy, and an unfollow removes the edge', async () => {
    const log = socialLog();
    const events = [
      ...['ann', 'bob', 'cy'].map((u) => log.user(u)),
      log.follow('bob', 'ann'),
      log.follow('cy', 'ann'),
      log.follow('bob', 'ann', 'UserUnfollowed'),
    ];
    const ann = (mode: 'push' | 'pull') => profile('ann', { followerCount: 1, followerCountAt: 3, mode });
    await hybrid
      .given(...events)
      .expect({ [PROFILES]: [ann('pull'), expect.anything(), expect.anything()], [FOLLOWS]: [{ _id: 'cy:ann', followerId: 'cy', followeeId: 'ann' }] });
    for (const strategy of ['push', 'pull'] as const) {
      await projectionSpec(socialDocuments(strategy, 2))
        .given(...events)
        .expect({ [PROFILES]: [ann('push'), expect.anything(), expect.anything()] });
    }
  });

  it('sets like and comment counts from the post stream and keeps one document per like and comment', async () => {
    const log = socialLog();
    const posted = log.post('ann', 'p1');
    const liked = log.like('p1', 'bob', 1);
    const commented = log.comment('p1', 'c1', 1);
    const unliked = log.like('p1', 'bob', 0, 'PostUnliked');
    const likedByCy = log.like('p1', 'cy', 1);
    await hybrid.given(posted, liked, commented, unliked, likedByCy).expect({
      [POSTS]: [expect.objectContaining({ _id: 'p1', likeCount: 1, commentCount: 1, version: 4 })],
      [LIKES]: [{ _id: 'p1:cy', postId: 'p1', userId: 'cy' }],
      [COMMENTS]: [
        {
          _id: 'c1',
          key: entryKey(commented.transactionId, commented.position),
          postId: 'p1',
          author: { userId: 'c', name: 'C' },
          text: 'nice',
          createdAt: new Date(T),
        },
      ],
    });
  });

  it('keeps the newest like count when an older like event is delivered again after newer ones', async () => {
    const log = socialLog();
    const posted = log.post('ann', 'p1');
    const liked = log.like('p1', 'bob', 1);
    await hybrid.given(posted, liked, log.like('p1', 'bob', 0, 'PostUnliked'), liked).expect({
      [POSTS]: [expect.objectContaining({ _id: 'p1', likeCount: 0, version: 2 })],
    });
  });

  it('ignores posts, follows and counts of members it has no profile for (their UserCreated comes first)', async () => {
    const log = socialLog();
    await hybrid.given(log.post('ghost', 'p1'), log.follow('ghost', 'nobody')).expect({ [PROFILES]: [] });
  });
});
