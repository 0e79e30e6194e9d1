import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@/server/testing/decider-spec';
import { postDecider, type PostCommand, type PostDecisionState, type PostState } from './post-decider';
import type { PostEvent } from './domain-events';

const NOW = '2030-01-01T12:00:00.000Z';
const POST: PostState = { postId: 'p-1', likeCount: 0, commentCount: 0, version: 0 };
const CAROL = { userId: 'u-carol', name: 'Carol' };

const like = (userId = 'u-alice'): PostCommand => ({ type: 'LikePost', data: { userId } });
const unlike = (userId = 'u-alice'): PostCommand => ({ type: 'UnlikePost', data: { userId } });
const comment = (text: string, commentId = 'c-1'): PostCommand => ({ type: 'CommentOnPost', data: { commentId, text, now: NOW } });
/** The post as loaded for Carol, the caller. */
const state = (post: Partial<PostState> = {}, liked?: boolean): PostDecisionState => ({ post: { ...POST, ...post }, liked, caller: CAROL });

const spec = deciderSpec(postDecider);
const { decide, evolve } = postDecider;

describe('post decider: a post that does not exist', () => {
  it.each([like(), unlike(), comment('hello')])('refuses $type as not found', (command) => {
    expect(spec.given({ post: null, caller: CAROL }).when(command).thenRefuses('not-found')).toMatchObject({ kind: 'not-found' });
  });
});

describe('post decider: likes', () => {
  it('a like by someone who has not liked adds one', () => {
    expect(decide(like(), state({ likeCount: 4 }, false))).toEqual([{ type: 'PostLiked', data: { postId: 'p-1', userId: 'u-alice', likeCount: 5 } }]);
  });

  it('liking twice changes nothing', () => {
    expect(decide(like(), state({ likeCount: 4 }, true))).toEqual([]);
  });

  it('an unlike of an existing like takes one away', () => {
    expect(decide(unlike(), state({ likeCount: 4 }, true))).toEqual([{ type: 'PostUnliked', data: { postId: 'p-1', userId: 'u-alice', likeCount: 3 } }]);
  });

  it.each([
    ['false', false],
    ['unknown', undefined],
  ])('unliking what is not liked (%s) changes nothing', (_label, liked) => {
    expect(decide(unlike(), state({ likeCount: 4 }, liked))).toEqual([]);
  });

  it('never takes the like count below zero', () => {
    expect(decide(unlike(), state({ likeCount: 0 }, true))[0].data).toMatchObject({ likeCount: 0 });
  });

  it('like, like, unlike, unlike folds back to the start with two events', () => {
    let s = state({}, false);
    const counts: number[] = [];
    for (const cmd of [like(), like(), unlike(), unlike()]) {
      const events = decide(cmd, s);
      counts.push(events.length);
      s = events.reduce(evolve, s);
    }
    expect(counts).toEqual([1, 0, 1, 0]);
    expect(s).toEqual({ post: { ...POST, likeCount: 0, version: 2 }, liked: false, caller: CAROL });
  });

  it('likes by different users each count (the liked flag is per user)', () => {
    let count = 0;
    for (const user of ['a', 'b', 'c']) {
      const [event] = decide(like(user), state({ likeCount: count }, false));
      count = (event as Extract<PostEvent, { type: 'PostLiked' }>).data.likeCount;
    }
    expect(count).toBe(3);
  });
});

describe('post decider: comments', () => {
  it('adds a trimmed comment by its author at the command time, counting it', () => {
    expect(decide(comment('  nice one \n', 'c-7'), state({ commentCount: 2, likeCount: 9 }))).toEqual([
      { type: 'CommentAdded', data: { postId: 'p-1', commentId: 'c-7', author: CAROL, text: 'nice one', createdAt: NOW, commentCount: 3 } },
    ]);
  });

  it.each([
    ['empty', ''],
    ['only whitespace', '  \t\n '],
    ['501 characters', 'c'.repeat(501)],
  ])('refuses a comment that is %s', (_label, text) => {
    expect(spec.given(state()).when(comment(text)).thenRefuses('invalid-comment')).toMatchObject({ kind: 'conflict' });
  });

  it.each([
    ['1 character', 'k'],
    ['500 characters', 'k'.repeat(500)],
    ['500 characters inside whitespace', `  ${'k'.repeat(500)}  `],
  ])('accepts a comment of %s', (_label, text) => {
    expect(decide(comment(text), state())[0].data).toMatchObject({ text: text.trim() });
  });
});

describe('post decider: evolve', () => {
  it('PostLiked and PostUnliked set the count from the event, bump the version and set the flag', () => {
    const liked = evolve(state({ likeCount: 1, version: 3 }, false), { type: 'PostLiked', data: { postId: 'p-1', userId: 'u', likeCount: 2 } });
    expect(liked).toEqual({ post: { ...POST, likeCount: 2, version: 4 }, liked: true, caller: CAROL });
    const unliked = evolve(liked, { type: 'PostUnliked', data: { postId: 'p-1', userId: 'u', likeCount: 1 } });
    expect(unliked).toEqual({ post: { ...POST, likeCount: 1, version: 5 }, liked: false, caller: CAROL });
  });

  it('CommentAdded sets the comment count, bumps the version and keeps the like flag and count', () => {
    const added: PostEvent = { type: 'CommentAdded', data: { postId: 'p-1', commentId: 'c', author: CAROL, text: 't', createdAt: NOW, commentCount: 6 } };
    expect(evolve(state({ likeCount: 3, commentCount: 5, version: 8 }, true), added)).toEqual({
      post: { ...POST, likeCount: 3, commentCount: 6, version: 9 },
      liked: true,
      caller: CAROL,
    });
  });

  it('does not change the state it was given', () => {
    const s = state({ likeCount: 1 }, false);
    evolve(s, { type: 'PostLiked', data: { postId: 'p-1', userId: 'u', likeCount: 2 } });
    expect(s).toEqual(state({ likeCount: 1 }, false));
  });
});

spec.itRaisesEveryDeclaredRefusal();
