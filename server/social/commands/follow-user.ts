import { defineCommand } from '@/server/cqrs/define';
import { runDecider } from '@/server/cqrs/run-decider';
import { socialErrors } from '../domain/errors';
import { memberDecider } from '../domain/member-decider';
import { followWritten, userIdInput } from '../schemas';
import { memberAggregate } from './member-aggregate';

/** FollowUser: idempotent; the followee's recent posts join the caller's feed. */
export const followUser = defineCommand({
  name: 'social/follow-user',
  summary: 'Follow a user',
  access: 'signed-in',
  input: userIdInput,
  output: followWritten,
  successStatus: 200,
  errors: socialErrors.docs(memberDecider.refusals.FollowUser),
  async handle({ userId }, ctx) {
    const command = { type: 'FollowUser' as const, data: { followeeId: userId, now: ctx.now.toISOString() } };
    await runDecider(ctx, memberAggregate, { userId: ctx.actor.userId, followeeId: userId }, command);
    return { status: 200, body: { userId, following: true } };
  },
});
