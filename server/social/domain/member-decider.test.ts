import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/cqrs/errors';
import { memberDecider, type MemberCommand, type MemberDecisionState, type MemberState } from './member-decider';
import type { MemberEvent } from './social-events';

// A fixed clock and fixed ids: the decider never reads a clock or makes ids.
const NOW = '2030-01-01T12:00:00.000Z';
const ALICE: MemberState = { userId: 'u-alice', name: 'Alice', postCount: 0, followerCount: 0, followingCount: 0, countsVersion: 0, version: 0 };
const BOB: MemberState = { userId: 'u-bob', name: 'Bob', postCount: 4, followerCount: 7, followingCount: 2, countsVersion: 9, version: 11 };

const post = (text: string, tags: string[] = [], postId = 'p-1'): MemberCommand => ({ type: 'CreatePost', data: { postId, text, tags, now: NOW } });
const follow = (followee: MemberState): MemberCommand => ({ type: 'FollowUser', data: { followee, now: NOW } });
const unfollow = (followee: MemberState): MemberCommand => ({ type: 'UnfollowUser', data: { followee } });
const state = (member: MemberState, following?: boolean): MemberDecisionState => ({ member, following });

/** The error a refused command throws (fails the test when the decider accepts it). */
function refusal(decide: () => unknown): AppError {
  try {
    decide();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the decider to refuse the command');
}
const { decide, evolve } = memberDecider;

describe('member decider: posts', () => {
  it('creates a post by the member, numbered after their last one, at the command time', () => {
    expect(decide(post('Hello there', ['news'], 'p-9'), state(BOB))).toEqual([
      {
        type: 'PostCreated',
        data: { postId: 'p-9', author: { userId: 'u-bob', name: 'Bob' }, authorSeq: 5, text: 'Hello there', tags: ['news'], createdAt: NOW, postCount: 5 },
      },
    ]);
  });

  it('numbers posts 1, 2, 3... per author when the state is folded between posts', () => {
    let s = state(ALICE);
    const seqs: number[] = [];
    for (const id of ['a', 'b', 'c']) {
      const [event] = decide(post(`post ${id}`, [], id), s);
      if (event.type !== 'PostCreated') throw new Error(`unexpected ${event.type}`);
      seqs.push(event.data.authorSeq);
      s = evolve(s, event);
    }
    expect(seqs).toEqual([1, 2, 3]);
    expect(s.member).toMatchObject({ postCount: 3, version: 3 });
  });

  it('stores the text trimmed', () => {
    const [event] = decide(post('   spaced out \n\t'), state(ALICE));
    expect(event.data).toMatchObject({ text: 'spaced out' });
  });

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\t  '],
    ['1001 characters', 'x'.repeat(1001)],
    ['1001 characters after trimming', ` ${'y'.repeat(1001)} `],
  ])('refuses a post that is %s', (_label, text) => {
    expect(refusal(() => decide(post(text), state(ALICE)))).toMatchObject({ kind: 'conflict', code: 'invalid-post' });
  });

  it.each([
    ['1 character', 'x', 'x'],
    ['1000 characters', 'z'.repeat(1000), 'z'.repeat(1000)],
    ['1000 characters with whitespace around them', `   ${'w'.repeat(1000)}   `, 'w'.repeat(1000)],
  ])('accepts a post of %s', (_label, text, stored) => {
    const [event] = decide(post(text), state(ALICE));
    expect(event.data).toMatchObject({ text: stored });
  });

  it('dedupes tags case- and whitespace-insensitively, keeping first-seen order, and drops blank ones', () => {
    const [event] = decide(post('tagged', ['News', ' fun ', 'news', 'FUN', '', '   ', 'x_y-1']), state(ALICE));
    expect(event.data).toMatchObject({ tags: ['news', 'fun', 'x_y-1'] });
  });

  it('accepts exactly 10 distinct tags, and more than 10 entries that collapse to 10', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(decide(post('ten', ten), state(ALICE))[0].data).toMatchObject({ tags: ten });
    const [event] = decide(post('dupes', [...ten, 'T0', ' t9 ', 'T5']), state(ALICE));
    expect(event.data).toMatchObject({ tags: ten });
  });

  it('refuses 11 distinct tags', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect(refusal(() => decide(post('too many', eleven), state(ALICE)))).toMatchObject({ kind: 'conflict', code: 'too-many-tags' });
  });

  it('keeps no tags when given none', () => {
    expect(decide(post('plain'), state(ALICE))[0].data).toMatchObject({ tags: [] });
  });

  it('does not change the state it was given', () => {
    const s = state({ ...BOB });
    decide(post('x'), s);
    expect(s).toEqual(state(BOB));
  });
});

describe('member decider: follows', () => {
  it('follows someone not followed: both counts move by one, the time comes from the command', () => {
    expect(decide(follow(BOB), state(ALICE, false))).toEqual([
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
  });

  it('treats an unknown edge (following undefined) as not following', () => {
    expect(decide(follow(BOB), state(ALICE))).toHaveLength(1);
    expect(decide(unfollow(BOB), state(ALICE))).toEqual([]);
  });

  it('following someone already followed emits nothing', () => {
    expect(decide(follow(BOB), state({ ...ALICE, followingCount: 1 }, true))).toEqual([]);
  });

  it('unfollows someone followed: both counts move down by one', () => {
    expect(decide(unfollow(BOB), state({ ...ALICE, followingCount: 3 }, true))).toEqual([
      {
        type: 'UserUnfollowed',
        data: { followerId: 'u-alice', followeeId: 'u-bob', followerCount: 6, followingCount: 2, followerCountsVersion: 1, followeeCountsVersion: 10 },
      },
    ]);
  });

  it('unfollowing someone not followed emits nothing', () => {
    expect(decide(unfollow(BOB), state({ ...ALICE, followingCount: 3 }, false))).toEqual([]);
  });

  it('never takes a count below zero, even from inconsistent counts', () => {
    const [event] = decide(unfollow({ ...BOB, followerCount: 0 }), state({ ...ALICE, followingCount: 0 }, true));
    expect(event.data).toMatchObject({ followerCount: 0, followingCount: 0 });
  });

  it.each([
    ['follow', follow],
    ['unfollow', unfollow],
  ])('refuses to %s yourself, whatever the edge says', (_label, cmd) => {
    for (const following of [undefined, false, true]) {
      expect(refusal(() => decide(cmd({ ...ALICE }), state(ALICE, following)))).toMatchObject({ kind: 'conflict', code: 'cannot-follow-self' });
    }
  });

  it('a follow, a repeated follow and an unfollow fold back to the starting counts', () => {
    let s = state(ALICE, false);
    let followee = BOB;
    const apply = (cmd: (f: MemberState) => MemberCommand) => {
      const events = decide(cmd(followee), s);
      for (const e of events) {
        s = evolve(s, e);
        if (e.type !== 'PostCreated') followee = { ...followee, followerCount: e.data.followerCount, countsVersion: e.data.followeeCountsVersion };
      }
      return events.length;
    };
    expect([apply(follow), apply(follow), apply(unfollow), apply(unfollow)]).toEqual([1, 0, 1, 0]);
    expect(s).toEqual({ member: { ...ALICE, countsVersion: 2, version: 2 }, following: false });
    expect(followee.followerCount).toBe(BOB.followerCount);
    // Each change of a member's counts is a new counts version, even when the count comes back.
    expect(followee.countsVersion).toBe(BOB.countsVersion + 2);
  });
});

describe('member decider: evolve', () => {
  const created: MemberEvent = {
    type: 'PostCreated',
    data: { postId: 'p', author: { userId: 'u-bob', name: 'Bob' }, authorSeq: 5, text: 't', tags: [], createdAt: NOW, postCount: 5 },
  };

  it('PostCreated sets the post count from the event, bumps the version and keeps the edge', () => {
    expect(evolve(state(BOB, true), created)).toEqual({ member: { ...BOB, postCount: 5, version: 12 }, following: true });
  });

  it('UserFollowed sets the following count from the event and marks the edge', () => {
    const e: MemberEvent = {
      type: 'UserFollowed',
      data: {
        followerId: 'u-bob',
        followeeId: 'u-x',
        followerCount: 99,
        followingCount: 3,
        followerCountsVersion: 10,
        followeeCountsVersion: 40,
        followedAt: NOW,
      },
    };
    // the followee's follower count travels in the event: the acting member's own follower count stays
    expect(evolve(state(BOB, false), e)).toEqual({ member: { ...BOB, followingCount: 3, countsVersion: 10, version: 12 }, following: true });
  });

  it('UserUnfollowed sets the following count from the event and clears the edge', () => {
    const e: MemberEvent = {
      type: 'UserUnfollowed',
      data: { followerId: 'u-bob', followeeId: 'u-x', followerCount: 0, followingCount: 1, followerCountsVersion: 10, followeeCountsVersion: 40 },
    };
    expect(evolve(state(BOB, true), e)).toEqual({ member: { ...BOB, followingCount: 1, countsVersion: 10, version: 12 }, following: false });
  });

  it('does not change the state it was given', () => {
    const s = state({ ...BOB }, true);
    evolve(s, created);
    expect(s).toEqual(state(BOB, true));
  });
});
