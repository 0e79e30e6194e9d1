import { and, eq, inArray } from 'drizzle-orm';
import { follows, posts, socialMembers, users, type Db } from '@/db/client';
import { defineAggregate } from '@/server/cqrs/aggregate';
import { socialErrors } from '../domain/errors';
import { memberDecider, type MemberDecisionState, type MemberState } from '../domain/member-decider';
import { memberStreamId } from '../domain/domain-events';

/** The acting member, and for follow commands the member they follow or unfollow. */
export interface MemberKey {
  userId: string;
  followeeId?: string;
}

/**
 * Locks the members' rows (FOR UPDATE, in id order so two follows between the same people cannot
 * deadlock) and returns their states by id; unknown users are missing from the map.
 */
async function lockMembers(tx: Db, userIds: string[]): Promise<Map<string, MemberState>> {
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

async function isFollowing(tx: Db, followerId: string, followeeId: string): Promise<boolean> {
  const [row] = await tx
    .select({ followerId: follows.followerId })
    .from(follows)
    .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)));
  return Boolean(row);
}

async function saveMember(tx: Db, { userId, postCount, followerCount, followingCount, countsVersion, version }: MemberState): Promise<void> {
  await tx.update(socialMembers).set({ postCount, followerCount, followingCount, countsVersion, version }).where(eq(socialMembers.userId, userId));
}

/**
 * A member (one row per user, made by a trigger on `users`): their posts and follows. A follow
 * locks both members' rows, so a follow racing a new post by the followee is ordered against it
 * in the log, and the feed projection sees one or the other first.
 */
export const memberAggregate = defineAggregate({
  decider: memberDecider,
  async load(tx, { userId, followeeId }: MemberKey): Promise<MemberDecisionState> {
    const members = await lockMembers(tx, followeeId ? [userId, followeeId] : [userId]);
    const member = members.get(userId);
    // Only a token of a deleted account gets here: every user has a member row.
    if (!member) throw socialErrors.refuse('not-found', 'Your account was not found');
    if (!followeeId) return { member };
    return { member, followee: members.get(followeeId) ?? null, following: await isFollowing(tx, userId, followeeId) };
  },
  stream: ({ userId }, { member }) => ({ id: memberStreamId(userId), version: member.version }),
  persist: {
    async PostCreated(tx, { data }, after) {
      await saveMember(tx, after.member);
      const { postId, author, authorSeq, text, tags, createdAt } = data;
      await tx.insert(posts).values({ id: postId, authorId: author.userId, authorSeq, text, tags, createdAt: new Date(createdAt), version: 0 });
    },
    async UserFollowed(tx, { data }, after) {
      await saveMember(tx, after.member);
      await saveMember(tx, after.followee!);
      await tx.insert(follows).values({ followerId: data.followerId, followeeId: data.followeeId, createdAt: new Date(data.followedAt) });
    },
    async UserUnfollowed(tx, { data }, after) {
      await saveMember(tx, after.member);
      await saveMember(tx, after.followee!);
      await tx.delete(follows).where(and(eq(follows.followerId, data.followerId), eq(follows.followeeId, data.followeeId)));
    },
  },
});
