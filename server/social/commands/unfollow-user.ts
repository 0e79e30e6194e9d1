import { defineCommand } from '@/server/cqrs/define';
import { followWritten, userIdInput } from '../schemas';
import { changeFollow } from './change-follow';

/** UnfollowUser: idempotent; the user's posts leave the caller's feed. */
export const unfollowUser = defineCommand({
  name: 'social/unfollow-user',
  summary: 'Stop following a user',
  access: 'signed-in',
  input: userIdInput,
  output: followWritten,
  successStatus: 200,
  errors: [
    { status: 404, code: 'not-found', when: 'no such user' },
    { status: 409, code: 'cannot-follow-self', when: 'the user is the caller' },
  ],
  handle: ({ userId }, ctx) => changeFollow(ctx, userId, false),
});
