import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { socialErrors } from '../domain/errors';
import { memberDecider } from '../domain/member-decider';
import { createPostInput, postWritten } from '../schemas';
import { memberAggregate } from './member-aggregate';

/** CreatePost: the author's row lock numbers their posts and orders them in the event log. */
export const createPost = defineCommand({
  name: 'social/create-post',
  summary: 'Publish a post to your followers',
  access: 'signed-in',
  input: createPostInput,
  output: postWritten,
  successStatus: 201,
  errors: socialErrors.docs(memberDecider.refusals.CreatePost),
  async handle({ text, tags }, ctx) {
    const postId = ctx.newId();
    await runDecider(
      ctx,
      memberAggregate,
      { userId: ctx.actor.userId },
      { type: 'CreatePost', data: { postId, text, tags: tags ?? [], now: ctx.now.toISOString() } },
    );
    return { status: 201, body: { postId } };
  },
});
