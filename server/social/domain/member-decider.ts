import { DomainError } from '@/server/cqrs/errors';
import type { Author, MemberEvent } from './social-events';

export interface MemberState {
  userId: string;
  name: string;
  postCount: number;
  followerCount: number;
  followingCount: number;
  countsVersion: number;
  version: number;
}

export type MemberCommand =
  | { type: 'CreatePost'; data: { postId: string; text: string; tags: string[]; now: string } }
  | { type: 'FollowUser'; data: { followee: MemberState; now: string } }
  | { type: 'UnfollowUser'; data: { followee: MemberState } };

/** The acting member, and for follow commands whether the edge to the followee exists. */
export interface MemberDecisionState {
  member: MemberState;
  following?: boolean;
}

/**
 * Rules of a member (the social side of a user):
 * - a post has 1..1000 characters after trimming (the HTTP contract checks it too) and at most
 *   10 distinct tags; posts are numbered 1, 2, 3... per author;
 * - nobody follows themselves;
 * - following someone already followed, or unfollowing someone not followed, changes nothing
 *   (no event), so retries and double clicks are harmless;
 * - follower and following counts move with the edges, never below zero; each change of a
 *   member's counts raises its counts version by one.
 */
export const memberDecider = {
  decide(command: MemberCommand, { member, following }: MemberDecisionState): MemberEvent[] {
    switch (command.type) {
      case 'CreatePost': {
        const { postId, now } = command.data;
        const text = command.data.text.trim();
        if (text.length < 1 || text.length > 1000) throw new DomainError('invalid-post', 'A post has 1 to 1000 characters');
        const tags = [...new Set(command.data.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
        if (tags.length > 10) throw new DomainError('too-many-tags', 'A post has at most 10 tags');
        const author: Author = { userId: member.userId, name: member.name };
        const authorSeq = member.postCount + 1;
        return [{ type: 'PostCreated', data: { postId, author, authorSeq, text, tags, createdAt: now, postCount: authorSeq } }];
      }
      case 'FollowUser': {
        const { followee, now } = command.data;
        if (followee.userId === member.userId) throw new DomainError('cannot-follow-self', 'You cannot follow yourself');
        if (following) return [];
        return [
          {
            type: 'UserFollowed',
            data: {
              followerId: member.userId,
              followeeId: followee.userId,
              followerCount: followee.followerCount + 1,
              followingCount: member.followingCount + 1,
              followerCountsVersion: member.countsVersion + 1,
              followeeCountsVersion: followee.countsVersion + 1,
              followedAt: now,
            },
          },
        ];
      }
      case 'UnfollowUser': {
        const { followee } = command.data;
        if (followee.userId === member.userId) throw new DomainError('cannot-follow-self', 'You cannot unfollow yourself');
        if (!following) return [];
        return [
          {
            type: 'UserUnfollowed',
            data: {
              followerId: member.userId,
              followeeId: followee.userId,
              followerCount: Math.max(0, followee.followerCount - 1),
              followingCount: Math.max(0, member.followingCount - 1),
              followerCountsVersion: member.countsVersion + 1,
              followeeCountsVersion: followee.countsVersion + 1,
            },
          },
        ];
      }
    }
  },

  /** The acting member after an event (the followee's count travels in the event). */
  evolve(state: MemberDecisionState, event: MemberEvent): MemberDecisionState {
    const member = { ...state.member, version: state.member.version + 1 };
    switch (event.type) {
      case 'PostCreated':
        return { ...state, member: { ...member, postCount: event.data.postCount } };
      case 'UserFollowed':
      case 'UserUnfollowed': {
        const { followingCount, followerCountsVersion } = event.data;
        return { member: { ...member, followingCount, countsVersion: followerCountsVersion }, following: event.type === 'UserFollowed' };
      }
    }
  },
};
