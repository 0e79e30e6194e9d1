import { defineCommand } from '@/server/cqrs/define';
import { likeWritten, postIdInput } from '../schemas';
import { changeLike } from './change-like';

/** UnlikePost: idempotent. */
export const unlikePost = defineCommand({
  name: 'social/unlike-post',
  summary: 'Take back a like',
  access: 'signed-in',
  input: postIdInput,
  output: likeWritten,
  successStatus: 200,
  errors: [{ status: 404, code: 'not-found', when: 'no such post' }],
  handle: ({ postId }, ctx) => changeLike(ctx, postId, false),
});
