import type { DomainEvent } from '@/server/cqrs/types';

export interface Author {
  userId: string;
  name: string;
}

/**
 * Counts in these events are the values after the change: projections set them, never add.
 * A follow changes two members but is ordered in the log by the follower's row lock, so the
 * `...CountsVersion` fields (each member's count revision after the change) decide which count
 * is newer when two follows of the same followee are read in the other order.
 */
export type PostCreated = DomainEvent<
  'PostCreated',
  { postId: string; author: Author; authorSeq: number; text: string; tags: string[]; createdAt: string; postCount: number }
>;
export type UserFollowed = DomainEvent<
  'UserFollowed',
  {
    followerId: string;
    followeeId: string;
    followerCount: number;
    followingCount: number;
    followerCountsVersion: number;
    followeeCountsVersion: number;
    followedAt: string;
  }
>;
export type UserUnfollowed = DomainEvent<
  'UserUnfollowed',
  { followerId: string; followeeId: string; followerCount: number; followingCount: number; followerCountsVersion: number; followeeCountsVersion: number }
>;
export type PostLiked = DomainEvent<'PostLiked', { postId: string; userId: string; likeCount: number }>;
export type PostUnliked = DomainEvent<'PostUnliked', { postId: string; userId: string; likeCount: number }>;
export type CommentAdded = DomainEvent<
  'CommentAdded',
  { postId: string; commentId: string; author: Author; text: string; createdAt: string; commentCount: number }
>;

export type MemberEvent = PostCreated | UserFollowed | UserUnfollowed;
export type PostEvent = PostLiked | PostUnliked | CommentAdded;
export type SocialEvent = MemberEvent | PostEvent;

/** A member's stream holds their posts and follows; a post's stream its likes and comments. */
export const memberStreamId = (userId: string) => `social-member-${userId}`;
export const postStreamId = (postId: string) => `social-post-${postId}`;
