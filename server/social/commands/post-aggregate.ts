import { and, eq, sql } from 'drizzle-orm';
import { comments, likes, posts, users, type Db } from '@/db/client';
import { defineAggregate } from '@/server/cqrs/aggregate';
import { postDecider, type PostDecisionState } from '../domain/post-decider';
import { postStreamId } from '../domain/domain-events';

/** A post, and the user who likes, unlikes or comments on it. */
export interface PostKey {
  postId: string;
  userId: string;
}

/** Writes the post's counts and stream version as the decider's events left them. */
async function savePost(tx: Db, { post }: PostDecisionState): Promise<void> {
  const { postId, likeCount, commentCount, version } = post!;
  await tx.update(posts).set({ likeCount, commentCount, version }).where(eq(posts.id, postId));
}

/** A post's engagement: its row lock makes "one like per user" and both counts exact. */
export const postAggregate = defineAggregate({
  decider: postDecider,
  async load(tx, { postId, userId }: PostKey): Promise<PostDecisionState> {
    const [row] = await tx.select().from(posts).where(eq(posts.id, postId)).for('update');
    // One round trip for who the caller is and whether they like the post.
    const [caller] = await tx
      .select({ name: users.name, liked: sql<boolean>`exists (select 1 from ${likes} where ${likes.postId} = ${postId} and ${likes.userId} = ${userId})` })
      .from(users)
      .where(eq(users.id, userId));
    const post = row ? { postId: row.id, likeCount: row.likeCount, commentCount: row.commentCount, version: row.version } : null;
    return { post, liked: caller?.liked ?? false, caller: { userId, name: caller?.name ?? '' } };
  },
  stream: ({ postId }, { post }) => ({ id: postStreamId(postId), version: post?.version ?? 0 }),
  persist: {
    async PostLiked(tx, { data }, after, at) {
      await savePost(tx, after);
      await tx.insert(likes).values({ postId: data.postId, userId: data.userId, createdAt: at });
    },
    async PostUnliked(tx, { data }, after) {
      await savePost(tx, after);
      await tx.delete(likes).where(and(eq(likes.postId, data.postId), eq(likes.userId, data.userId)));
    },
    async CommentAdded(tx, { data }, after) {
      await savePost(tx, after);
      const { commentId, postId, author, text, createdAt } = data;
      await tx.insert(comments).values({ id: commentId, postId, authorId: author.userId, text, createdAt: new Date(createdAt) });
    },
  },
});
