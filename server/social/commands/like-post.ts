import { defineCommand } from '@/server/cqrs/define';
import { likeWritten, postIdInput } from '../schemas';
import { changeLike } from './change-like';

/** LikePost: idempotent; the post's like count moves with it. */
export const likePost = defineCommand({
  name: 'social/like-post',
  summary: 'Like a post',
  access: 'signed-in',
  input: postIdInput,
  output: likeWritten,
  successStatus: 200,
  errors: [{ status: 404, code: 'not-found', when: 'no such post' }],
  handle: ({ postId }, ctx) => changeLike(ctx, postId, true),
});
