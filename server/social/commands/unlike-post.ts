import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { socialErrors } from '../domain/errors';
import { postDecider } from '../domain/post-decider';
import { likeWritten, postIdInput } from '../schemas';
import { postAggregate } from './post-aggregate';

/** UnlikePost: idempotent. */
export const unlikePost = defineCommand({
  name: 'social/unlike-post',
  summary: 'Take back a like',
  access: 'signed-in',
  input: postIdInput,
  output: likeWritten,
  successStatus: 200,
  errors: socialErrors.docs(postDecider.refusals.UnlikePost),
  async handle({ postId }, ctx) {
    const { userId } = ctx.actor;
    const { state } = await runDecider(ctx, postAggregate, { postId, userId }, { type: 'UnlikePost', data: { userId } });
    return { status: 200, body: { postId, liked: false, likeCount: state.post!.likeCount } };
  },
});
