import { defineCommand } from '@/server/cqrs/define';
import { followWritten, userIdInput } from '../schemas';
import { changeFollow } from './change-follow';

/** FollowUser: idempotent; the followee's recent posts join the caller's feed. */
export const followUser = defineCommand({
  name: 'social/follow-user',
  summary: 'Follow a user',
  access: 'signed-in',
  input: userIdInput,
  output: followWritten,
  successStatus: 200,
  errors: [
    { status: 404, code: 'not-found', when: 'no such user' },
    { status: 409, code: 'cannot-follow-self', when: 'the user is the caller' },
  ],
  handle: ({ userId }, ctx) => changeFollow(ctx, userId, true),
});
