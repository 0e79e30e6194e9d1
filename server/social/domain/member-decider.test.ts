import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@/server/testing/decider-spec';
import { memberDecider, type MemberCommand, type MemberDecisionState, type MemberState } from './member-decider';
import type { MemberEvent } from './domain-events';

// A fixed clock and fixed ids: the decider never reads a clock or makes ids.
const NOW = '2030-01-01T12:00:00.000Z';
const ALICE: MemberState = { userId: 'u-alice', name: 'Alice', postCount: 0, followerCount: 0, followingCount: 0, countsVersion: 0, version: 0 };
const BOB: MemberState = { userId: 'u-bob', name: 'Bob', postCount: 4, followerCount: 7, followingCount: 2, countsVersion: 9, version: 11 };

const post = (text: string, tags: string[] = [], postId = 'p-1'): MemberCommand => ({ type: 'CreatePost', data: { postId, text, tags, now: NOW } });
const follow = (followeeId = BOB.userId): MemberCommand => ({ type: 'FollowUser', data: { followeeId, now: NOW } });
const unfollow = (followeeId = BOB.userId): MemberCommand => ({ type: 'UnfollowUser', data: { followeeId } });
/** Alice's state for a command about Bob (or whoever `followee` is). */
const towards = (followee: MemberState | null, following?: boolean, member = ALICE): MemberDecisionState => ({ member, followee, following });

const spec = deciderSpec(memberDecider);
const { evolve } = memberDecider;

describe('member decider: posts', () => {
  it('creates a post by the member, numbered after their last one, at the command time', () => {
    spec
      .given({ member: BOB })
      .when(post('Hello there', ['news'], 'p-9'))
      .thenEmits([
        {
          type: 'PostCreated',
          data: { postId: 'p-9', author: { userId: 'u-bob', name: 'Bob' }, authorSeq: 5, text: 'Hello there', tags: ['news'], createdAt: NOW, postCount: 5 },
        },
      ]);
  });

  it('numbers posts 1, 2, 3... per author when the state is folded between posts', () => {
    let s: MemberDecisionState = { member: ALICE };
    const seqs: number[] = [];
    for (const id of ['a', 'b', 'c']) {
      const [event] = spec
        .given(s)
        .when(post(`post ${id}`, [], id))
        .events();
      if (event.type !== 'PostCreated') throw new Error(`unexpected ${event.type}`);
      seqs.push(event.data.authorSeq);
      s = evolve(s, event);
    }
    expect(seqs).toEqual([1, 2, 3]);
    expect(s.member).toMatchObject({ postCount: 3, version: 3 });
  });

  it('stores the text trimmed', () => {
    expect(spec.given({ member: ALICE }).when(post('   spaced out \n\t')).events()[0].data).toMatchObject({ text: 'spaced out' });
  });

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\t  '],
    ['1001 characters', 'x'.repeat(1001)],
    ['1001 characters after trimming', ` ${'y'.repeat(1001)} `],
  ])('refuses a post that is %s', (_label, text) => {
    expect(spec.given({ member: ALICE }).when(post(text)).thenRefuses('invalid-post')).toMatchObject({ kind: 'conflict' });
  });

  it.each([
    ['1 character', 'x', 'x'],
    ['1000 characters', 'z'.repeat(1000), 'z'.repeat(1000)],
    ['1000 characters with whitespace around them', `   ${'w'.repeat(1000)}   `, 'w'.repeat(1000)],
  ])('accepts a post of %s', (_label, text, stored) => {
    expect(spec.given({ member: ALICE }).when(post(text)).events()[0].data).toMatchObject({ text: stored });
  });

  it('dedupes tags case- and whitespace-insensitively, keeping first-seen order, and drops blank ones', () => {
    const [event] = spec
      .given({ member: ALICE })
      .when(post('tagged', ['News', ' fun ', 'news', 'FUN', '', '   ', 'x_y-1']))
      .events();
    expect(event.data).toMatchObject({ tags: ['news', 'fun', 'x_y-1'] });
  });

  it('accepts exactly 10 distinct tags, and more than 10 entries that collapse to 10', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(spec.given({ member: ALICE }).when(post('ten', ten)).events()[0].data).toMatchObject({ tags: ten });
    expect(
      spec
        .given({ member: ALICE })
        .when(post('dupes', [...ten, 'T0', ' t9 ', 'T5']))
        .events()[0].data,
    ).toMatchObject({ tags: ten });
  });

  it('refuses 11 distinct tags', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
    spec.given({ member: ALICE }).when(post('too many', eleven)).thenRefuses('too-many-tags');
  });

  it('keeps no tags when given none', () => {
    expect(spec.given({ member: ALICE }).when(post('plain')).events()[0].data).toMatchObject({ tags: [] });
  });
});

describe('member decider: follows', () => {
  it('follows someone not followed: both counts move by one, the time comes from the command', () => {
    const after = spec
      .given(towards(BOB, false))
      .when(follow())
      .thenEmits([
        {
          type: 'UserFollowed',
          data: {
            followerId: 'u-alice',
            followeeId: 'u-bob',
            followerCount: 8,
            followingCount: 1,
            followerCountsVersion: 1,
            followeeCountsVersion: 10,
            followedAt: NOW,
          },
        },
      ]);
    // Both rows are written from the state after the event: the follower's and the followee's.
    expect(after).toEqual({
      member: { ...ALICE, followingCount: 1, countsVersion: 1, version: 1 },
      followee: { ...BOB, followerCount: 8, countsVersion: 10 },
      following: true,
    });
  });

  it('treats an unknown edge (following undefined) as not following', () => {
    expect(spec.given(towards(BOB)).when(follow()).events()).toHaveLength(1);
    spec.given(towards(BOB)).when(unfollow()).thenEmitsNothing();
  });

  it('following someone already followed emits nothing', () => {
    spec
      .given(towards(BOB, true, { ...ALICE, followingCount: 1 }))
      .when(follow())
      .thenEmitsNothing();
  });

  it('unfollows someone followed: both counts move down by one', () => {
    spec
      .given(towards(BOB, true, { ...ALICE, followingCount: 3 }))
      .when(unfollow())
      .thenEmits([
        {
          type: 'UserUnfollowed',
          data: { followerId: 'u-alice', followeeId: 'u-bob', followerCount: 6, followingCount: 2, followerCountsVersion: 1, followeeCountsVersion: 10 },
        },
      ]);
  });

  it('unfollowing someone not followed emits nothing', () => {
    spec
      .given(towards(BOB, false, { ...ALICE, followingCount: 3 }))
      .when(unfollow())
      .thenEmitsNothing();
  });

  it('never takes a count below zero, even from inconsistent counts', () => {
    const [event] = spec
      .given(towards({ ...BOB, followerCount: 0 }, true))
      .when(unfollow())
      .events();
    expect(event.data).toMatchObject({ followerCount: 0, followingCount: 0 });
  });

  it.each([
    ['follow', follow],
    ['unfollow', unfollow],
  ])('refuses to %s someone who does not exist', (_label, cmd) => {
    expect(spec.given(towards(null)).when(cmd('u-nobody')).thenRefuses('not-found')).toMatchObject({ kind: 'not-found' });
  });

  it.each([
    ['follow', follow],
    ['unfollow', unfollow],
  ])('refuses to %s yourself, whatever the edge says', (_label, cmd) => {
    for (const following of [undefined, false, true]) {
      spec.given(towards(ALICE, following)).when(cmd(ALICE.userId)).thenRefuses('cannot-follow-self');
    }
  });

  it('a follow, a repeated follow and an unfollow fold back to the starting counts', () => {
    let s = towards(BOB, false);
    const counts = [follow(), follow(), unfollow(), unfollow()].map((cmd) => {
      const events = spec.given(s).when(cmd).events();
      s = spec.fold(s, ...events);
      return events.length;
    });
    expect(counts).toEqual([1, 0, 1, 0]);
    expect(s.member).toEqual({ ...ALICE, countsVersion: 2, version: 2 });
    expect(s.following).toBe(false);
    // Each change of a member's counts is a new counts version, even when the count comes back.
    expect(s.followee).toEqual({ ...BOB, countsVersion: BOB.countsVersion + 2 });
  });
});

describe('member decider: evolve', () => {
  const created: MemberEvent = {
    type: 'PostCreated',
    data: { postId: 'p', author: { userId: 'u-bob', name: 'Bob' }, authorSeq: 5, text: 't', tags: [], createdAt: NOW, postCount: 5 },
  };

  it('PostCreated sets the post count from the event, bumps the version and keeps the rest', () => {
    expect(evolve({ member: BOB }, created)).toEqual({ member: { ...BOB, postCount: 5, version: 12 } });
  });

  it('does not change the state it was given', () => {
    const s = towards({ ...BOB }, true, { ...ALICE });
    const copy = structuredClone(s);
    evolve(s, created);
    spec.given(s).when(unfollow()).events();
    expect(s).toEqual(copy);
  });
});

spec.itRaisesEveryDeclaredRefusal();
