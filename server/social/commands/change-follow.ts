import { and, eq } from 'drizzle-orm';
import { follows } from '@/db/client';
import { notFound } from '@/server/cqrs/errors';
import type { CommandContext } from '@/server/cqrs/handle-command';
import { memberDecider } from '../domain/member-decider';
import { memberStreamId } from '../domain/social-events';
import { isFollowing, lockMembers, saveMember } from './member-rows';

/**
 * Follow and unfollow share this: both members' rows are locked (the follower's stream gets the
 * event, the followee's follower count changes), so a follow racing a new post by the followee
 * is ordered against it in the log, and the feed projection sees one or the other first.
 */
export async function changeFollow(ctx: CommandContext, followeeId: string, follow: boolean) {
  const followerId = ctx.actor!.userId;
  const members = await lockMembers(ctx.tx, [followerId, followeeId]);
  const followee = members.get(followeeId);
  if (!followee) throw notFound('User');
  const state = { member: members.get(followerId)!, following: await isFollowing(ctx.tx, followerId, followeeId) };
  const events = memberDecider.decide(
    follow ? { type: 'FollowUser', data: { followee, now: ctx.now.toISOString() } } : { type: 'UnfollowUser', data: { followee } },
    state,
  );
  for (const event of events) {
    if (event.type === 'PostCreated') continue;
    await saveMember(ctx.tx, memberDecider.evolve(state, event).member);
    await saveMember(ctx.tx, { ...followee, followerCount: event.data.followerCount, countsVersion: event.data.followeeCountsVersion });
    if (follow) await ctx.tx.insert(follows).values({ followerId, followeeId, createdAt: ctx.now });
    else await ctx.tx.delete(follows).where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)));
  }
  await ctx.append(memberStreamId(followerId), state.member.version, events);
  return { status: 200 as const, body: { userId: followeeId, following: follow } };
}
