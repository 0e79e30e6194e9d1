import { and, eq, inArray } from 'drizzle-orm';
import { follows, socialMembers, users, type Db } from '@/db/client';
import type { MemberState } from '../domain/member-decider';

/**
 * Locks the members' rows (FOR UPDATE, in id order so two follows between the same people cannot
 * deadlock) and returns their states by id; unknown users are missing from the map.
 */
export async function lockMembers(tx: Db, userIds: string[]): Promise<Map<string, MemberState>> {
  const ids = [...new Set(userIds)].sort();
  const rows = await tx
    .select({ m: socialMembers, name: users.name })
    .from(socialMembers)
    .innerJoin(users, eq(users.id, socialMembers.userId))
    .where(inArray(socialMembers.userId, ids))
    .orderBy(socialMembers.userId)
    .for('update', { of: socialMembers });
  return new Map(rows.map(({ m, name }) => [m.userId, { ...m, name }]));
}

export async function saveMember(tx: Db, { userId, postCount, followerCount, followingCount, countsVersion, version }: MemberState): Promise<void> {
  await tx.update(socialMembers).set({ postCount, followerCount, followingCount, countsVersion, version }).where(eq(socialMembers.userId, userId));
}

export async function isFollowing(tx: Db, followerId: string, followeeId: string): Promise<boolean> {
  const [row] = await tx
    .select({ followerId: follows.followerId })
    .from(follows)
    .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)));
  return Boolean(row);
}
