import { and, eq } from 'drizzle-orm';
import { likes, posts, type Db } from '@/db/client';
import { notFound } from '@/server/cqrs/errors';
import type { CommandContext } from '@/server/cqrs/handle-command';
import { postDecider, type PostCommand, type PostDecisionState } from '../domain/post-decider';
import { postStreamId } from '../domain/social-events';

/** Locks the post row (FOR UPDATE): the first write-lock of every engagement command. */
export async function lockPost(tx: Db, postId: string) {
  const [row] = await tx.select().from(posts).where(eq(posts.id, postId)).for('update');
  if (!row) throw notFound('Post');
  return { postId: row.id, likeCount: row.likeCount, commentCount: row.commentCount, version: row.version };
}

export async function hasLiked(tx: Db, postId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ postId: likes.postId })
    .from(likes)
    .where(and(eq(likes.postId, postId), eq(likes.userId, userId)));
  return Boolean(row);
}

/** Runs the post decider, stores the evolved counters and appends the events to the post's stream. */
export async function decideForPost(ctx: CommandContext, command: PostCommand, state: PostDecisionState) {
  const events = postDecider.decide(command, state);
  const next = events.reduce(postDecider.evolve, state);
  if (events.length) {
    const { likeCount, commentCount, version } = next.post;
    await ctx.tx.update(posts).set({ likeCount, commentCount, version }).where(eq(posts.id, state.post.postId));
    await ctx.append(postStreamId(state.post.postId), state.post.version, events);
  }
  return { events, next };
}
