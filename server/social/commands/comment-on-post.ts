import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { socialErrors } from '../domain/errors';
import { postDecider } from '../domain/post-decider';
import { commentInput, commentWritten } from '../schemas';
import { postAggregate } from './post-aggregate';

/** CommentOnPost (SF9): the comment count on the post is kept by the same row lock as likes. */
export const commentOnPost = defineCommand({
  name: 'social/comment-on-post',
  summary: 'Comment on a post',
  access: 'signed-in',
  input: commentInput,
  output: commentWritten,
  successStatus: 201,
  errors: socialErrors.docs(postDecider.refusals.CommentOnPost),
  async handle({ postId, text }, ctx) {
    const commentId = ctx.newId();
    await runDecider(
      ctx,
      postAggregate,
      { postId, userId: ctx.actor.userId },
      { type: 'CommentOnPost', data: { commentId, text, now: ctx.now.toISOString() } },
    );
    return { status: 201, body: { commentId } };
  },
});
