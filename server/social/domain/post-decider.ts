import type { Decider } from '@/server/cqrs/types';
import { type SocialErrorCode, socialErrors } from './errors';
import { COMMENT_MAX } from './limits';
import type { Author, PostEvent } from './domain-events';

const { refuse } = socialErrors;

export interface PostState {
  postId: string;
  likeCount: number;
  commentCount: number;
  version: number;
}

export type PostCommand =
  | { type: 'LikePost'; data: { userId: string } }
  | { type: 'UnlikePost'; data: { userId: string } }
  | { type: 'CommentOnPost'; data: { commentId: string; text: string; now: string } };

/** The post (null when there is no such post), whether the caller likes it, and who the caller is. */
export interface PostDecisionState {
  post: PostState | null;
  liked?: boolean;
  caller: Author;
}

/**
 * Rules of a post's engagement (the post itself is created by its author's member decider):
 * - one like per user and post; liking twice or unliking what is not liked changes nothing;
 * - a comment has 1..500 characters after trimming;
 * - counts move with likes and comments, never below zero.
 */
export const postDecider: Decider<PostCommand, PostEvent, PostDecisionState, SocialErrorCode> = {
  refusals: {
    LikePost: ['not-found'],
    UnlikePost: ['not-found'],
    CommentOnPost: ['not-found', 'invalid-comment'],
  },

  decide(command, { post, liked, caller }) {
    if (!post) throw refuse('not-found', 'Post was not found');
    switch (command.type) {
      case 'LikePost':
        if (liked) return [];
        return [{ type: 'PostLiked', data: { postId: post.postId, userId: command.data.userId, likeCount: post.likeCount + 1 } }];
      case 'UnlikePost':
        if (!liked) return [];
        return [{ type: 'PostUnliked', data: { postId: post.postId, userId: command.data.userId, likeCount: Math.max(0, post.likeCount - 1) } }];
      case 'CommentOnPost': {
        const { commentId, now } = command.data;
        const text = command.data.text.trim();
        if (text.length < 1 || text.length > COMMENT_MAX) throw refuse('invalid-comment', `A comment has 1 to ${COMMENT_MAX} characters`);
        return [{ type: 'CommentAdded', data: { postId: post.postId, commentId, author: caller, text, createdAt: now, commentCount: post.commentCount + 1 } }];
      }
    }
  },

  evolve(state, event) {
    const post = { ...state.post!, version: state.post!.version + 1 };
    switch (event.type) {
      case 'PostLiked':
        return { ...state, post: { ...post, likeCount: event.data.likeCount }, liked: true };
      case 'PostUnliked':
        return { ...state, post: { ...post, likeCount: event.data.likeCount }, liked: false };
      case 'CommentAdded':
        return { ...state, post: { ...post, commentCount: event.data.commentCount } };
    }
  },
};
