import { and, eq } from 'drizzle-orm';
import { likes } from '@/db/client';
import type { CommandContext } from '@/server/cqrs/handle-command';
import { decideForPost, hasLiked, lockPost } from './post-rows';

/** Like and unlike share this: the post row lock makes "one like per user" and the count exact. */
export async function changeLike(ctx: CommandContext, postId: string, like: boolean) {
  const userId = ctx.actor!.userId;
  const post = await lockPost(ctx.tx, postId);
  const { events, next } = await decideForPost(
    ctx,
    { type: like ? 'LikePost' : 'UnlikePost', data: { userId } },
    { post, liked: await hasLiked(ctx.tx, postId, userId) },
  );
  if (events.length && like) await ctx.tx.insert(likes).values({ postId, userId, createdAt: ctx.now });
  if (events.length && !like) await ctx.tx.delete(likes).where(and(eq(likes.postId, postId), eq(likes.userId, userId)));
  return { status: 200 as const, body: { postId, liked: like, likeCount: next.post.likeCount } };
}
