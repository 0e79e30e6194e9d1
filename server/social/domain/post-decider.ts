import { DomainError } from '@/server/cqrs/errors';
import type { Author, PostEvent } from './social-events';

export interface PostState {
  postId: string;
  likeCount: number;
  commentCount: number;
  version: number;
}

export type PostCommand =
  | { type: 'LikePost'; data: { userId: string } }
  | { type: 'UnlikePost'; data: { userId: string } }
  | { type: 'CommentOnPost'; data: { commentId: string; author: Author; text: string; now: string } };

/** The post, and for like commands whether this user's like exists. */
export interface PostDecisionState {
  post: PostState;
  liked?: boolean;
}

/**
 * Rules of a post's engagement:
 * - one like per user and post; liking twice or unliking what is not liked changes nothing;
 * - a comment has 1..500 characters after trimming;
 * - counts move with likes and comments, never below zero.
 */
export const postDecider = {
  decide(command: PostCommand, { post, liked }: PostDecisionState): PostEvent[] {
    switch (command.type) {
      case 'LikePost':
        if (liked) return [];
        return [{ type: 'PostLiked', data: { postId: post.postId, userId: command.data.userId, likeCount: post.likeCount + 1 } }];
      case 'UnlikePost':
        if (!liked) return [];
        return [{ type: 'PostUnliked', data: { postId: post.postId, userId: command.data.userId, likeCount: Math.max(0, post.likeCount - 1) } }];
      case 'CommentOnPost': {
        const { commentId, author, now } = command.data;
        const text = command.data.text.trim();
        if (text.length < 1 || text.length > 500) throw new DomainError('invalid-comment', 'A comment has 1 to 500 characters');
        return [{ type: 'CommentAdded', data: { postId: post.postId, commentId, author, text, createdAt: now, commentCount: post.commentCount + 1 } }];
      }
    }
  },

  evolve(state: PostDecisionState, event: PostEvent): PostDecisionState {
    const post = { ...state.post, version: state.post.version + 1 };
    switch (event.type) {
      case 'PostLiked':
        return { post: { ...post, likeCount: event.data.likeCount }, liked: true };
      case 'PostUnliked':
        return { post: { ...post, likeCount: event.data.likeCount }, liked: false };
      case 'CommentAdded':
        return { ...state, post: { ...post, commentCount: event.data.commentCount } };
    }
  },
};
