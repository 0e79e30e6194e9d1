import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { socialErrors } from '../domain/errors';
import { postDecider } from '../domain/post-decider';
import { likeWritten, postIdInput } from '../schemas';
import { postAggregate } from './post-aggregate';

/** LikePost: idempotent; the post's like count moves with it. */
export const likePost = defineCommand({
  name: 'social/like-post',
  summary: 'Like a post',
  access: 'signed-in',
  input: postIdInput,
  output: likeWritten,
  successStatus: 200,
  errors: socialErrors.docs(postDecider.refusals.LikePost),
  async handle({ postId }, ctx) {
    const { userId } = ctx.actor;
    const { state } = await runDecider(ctx, postAggregate, { postId, userId }, { type: 'LikePost', data: { userId } });
    return { status: 200, body: { postId, liked: true, likeCount: state.post!.likeCount } };
  },
});
