import { eq } from 'drizzle-orm';
import { comments, users } from '@/db/client';
import { defineCommand } from '@/server/cqrs/define';
import { commentInput, commentWritten } from '../schemas';
import { decideForPost, lockPost } from './post-rows';

/** CommentOnPost (SF9): the comment count on the post is kept by the same row lock as likes. */
export const commentOnPost = defineCommand({
  name: 'social/comment-on-post',
  summary: 'Comment on a post',
  access: 'signed-in',
  input: commentInput,
  output: commentWritten,
  successStatus: 201,
  errors: [{ status: 404, code: 'not-found', when: 'no such post' }],
  async handle({ postId, text }, ctx) {
    const post = await lockPost(ctx.tx, postId);
    const [{ name }] = await ctx.tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor!.userId));
    const commentId = ctx.newId();
    const author = { userId: ctx.actor!.userId, name };
    const { events } = await decideForPost(ctx, { type: 'CommentOnPost', data: { commentId, author, text, now: ctx.now.toISOString() } }, { post });
    const [added] = events;
    if (added.type === 'CommentAdded')
      await ctx.tx.insert(comments).values({ id: commentId, postId, authorId: author.userId, text: added.data.text, createdAt: ctx.now });
    return { status: 201, body: { commentId } };
  },
});
