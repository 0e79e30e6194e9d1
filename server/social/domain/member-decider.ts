import type { Decider } from '@/server/cqrs/types';
import { type SocialErrorCode, socialErrors } from './errors';
import { POST_MAX, TAGS_MAX } from './limits';
import type { Author, MemberEvent } from './domain-events';

const { refuse } = socialErrors;

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
  | { type: 'FollowUser'; data: { followeeId: string; now: string } }
  | { type: 'UnfollowUser'; data: { followeeId: string } };

/**
 * The acting member; for follow commands also the other member (null when there is no such user)
 * and whether the edge between them exists.
 */
export interface MemberDecisionState {
  member: MemberState;
  followee?: MemberState | null;
  following?: boolean;
}

/**
 * Rules of a member (the social side of a user). Creating a post is a member's command, not a
 * post's: the author's row lock numbers their posts and orders them in the author's stream, which
 * is what feeds read. The post decider takes over from there (likes, comments).
 * - a post has 1..1000 characters after trimming (the HTTP contract checks it too) and at most
 *   10 distinct tags; posts are numbered 1, 2, 3... per author;
 * - one can only follow someone who exists, and nobody follows themselves;
 * - following someone already followed, or unfollowing someone not followed, changes nothing
 *   (no event), so retries and double clicks are harmless;
 * - follower and following counts move with the edges, never below zero; each change of a
 *   member's counts raises its counts version by one.
 */
export const memberDecider: Decider<MemberCommand, MemberEvent, MemberDecisionState, SocialErrorCode> = {
  refusals: {
    CreatePost: ['invalid-post', 'too-many-tags'],
    FollowUser: ['not-found', 'cannot-follow-self'],
    UnfollowUser: ['not-found', 'cannot-follow-self'],
  },

  decide(command, { member, followee, following }) {
    switch (command.type) {
      case 'CreatePost': {
        const { postId, now } = command.data;
        const text = command.data.text.trim();
        if (text.length < 1 || text.length > POST_MAX) throw refuse('invalid-post', `A post has 1 to ${POST_MAX} characters`);
        const tags = [...new Set(command.data.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
        if (tags.length > TAGS_MAX) throw refuse('too-many-tags', `A post has at most ${TAGS_MAX} tags`);
        const author: Author = { userId: member.userId, name: member.name };
        const authorSeq = member.postCount + 1;
        return [{ type: 'PostCreated', data: { postId, author, authorSeq, text, tags, createdAt: now, postCount: authorSeq } }];
      }
      case 'FollowUser': {
        const other = mustBeOther(member, followee);
        if (following) return [];
        return [
          {
            type: 'UserFollowed',
            data: {
              followerId: member.userId,
              followeeId: other.userId,
              followerCount: other.followerCount + 1,
              followingCount: member.followingCount + 1,
              followerCountsVersion: member.countsVersion + 1,
              followeeCountsVersion: other.countsVersion + 1,
              followedAt: command.data.now,
            },
          },
        ];
      }
      case 'UnfollowUser': {
        const other = mustBeOther(member, followee);
        if (!following) return [];
        return [
          {
            type: 'UserUnfollowed',
            data: {
              followerId: member.userId,
              followeeId: other.userId,
              followerCount: Math.max(0, other.followerCount - 1),
              followingCount: Math.max(0, member.followingCount - 1),
              followerCountsVersion: member.countsVersion + 1,
              followeeCountsVersion: other.countsVersion + 1,
            },
          },
        ];
      }
    }
  },

  /** The acting member's stream version moves; the followee's counts change but not its stream. */
  evolve(state, event) {
    const member = { ...state.member, version: state.member.version + 1 };
    switch (event.type) {
      case 'PostCreated':
        return { ...state, member: { ...member, postCount: event.data.postCount } };
      case 'UserFollowed':
      case 'UserUnfollowed': {
        const { followingCount, followerCountsVersion, followerCount, followeeCountsVersion } = event.data;
        return {
          member: { ...member, followingCount, countsVersion: followerCountsVersion },
          followee: state.followee && { ...state.followee, followerCount, countsVersion: followeeCountsVersion },
          following: event.type === 'UserFollowed',
        };
      }
    }
  },
};

function mustBeOther(member: MemberState, followee: MemberState | null | undefined): MemberState {
  if (!followee) throw refuse('not-found', 'User was not found');
  if (followee.userId === member.userId) throw refuse('cannot-follow-self', 'You cannot follow or unfollow yourself');
  return followee;
}
