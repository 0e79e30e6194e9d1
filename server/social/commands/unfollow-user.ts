import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { socialErrors } from '../domain/errors';
import { memberDecider } from '../domain/member-decider';
import { followWritten, userIdInput } from '../schemas';
import { memberAggregate } from './member-aggregate';

/** UnfollowUser: idempotent; the user's posts leave the caller's feed. */
export const unfollowUser = defineCommand({
  name: 'social/unfollow-user',
  summary: 'Stop following a user',
  access: 'signed-in',
  input: userIdInput,
  output: followWritten,
  successStatus: 200,
  errors: socialErrors.docs(memberDecider.refusals.UnfollowUser),
  async handle({ userId }, ctx) {
    await runDecider(ctx, memberAggregate, { userId: ctx.actor.userId, followeeId: userId }, { type: 'UnfollowUser', data: { followeeId: userId } });
    return { status: 200, body: { userId, following: false } };
  },
});
