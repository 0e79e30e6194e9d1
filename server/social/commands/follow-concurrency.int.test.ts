import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbFor, follows, pool, socialMembers } from '@/db/client';
import { command, newUser, query } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { getProfile } from '../queries/get-profile';
import { followUser } from './follow-user';
import { unfollowUser } from './unfollow-user';

const db = () => dbFor(pool());

async function writeModelCounts(userId: string) {
  const [member] = await db().select().from(socialMembers).where(eq(socialMembers.userId, userId));
  const [{ edges }] = await db().select({ edges: sql<number>`count(*)::int` }).from(follows).where(eq(follows.followeeId, userId));
  return { followerCount: member.followerCount, edges };
}

describe('follow counts under concurrency', () => {
  it('12 followers, each following twice at once, then half unfollowing twice at once: counts stay exact', async () => {
    const star = await newUser();
    const fans = await Promise.all(Array.from({ length: 12 }, () => newUser()));
    const userId = star.actor.userId;
    const results = await Promise.all(fans.flatMap((f) => [command(followUser, f, { userId }), command(followUser, f, { userId })]));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    expect(await writeModelCounts(userId)).toEqual({ followerCount: 12, edges: 12 });

    await Promise.all(fans.slice(0, 6).flatMap((f) => [command(unfollowUser, f, { userId }), command(unfollowUser, f, { userId })]));
    expect(await writeModelCounts(userId)).toEqual({ followerCount: 6, edges: 6 });

    await projectAll();
    const profile = await query(getProfile, fans[11], { userId });
    expect(profile.body).toMatchObject({ followerCount: 6, followedByMe: true });
    expect((await query(getProfile, fans[0], { userId })).body.followedByMe).toBe(false);
  });
});
