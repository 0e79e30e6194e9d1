import { posts } from '@/db/client';
import { defineCommand } from '@/server/cqrs/define';
import { memberDecider } from '../domain/member-decider';
import { memberStreamId, type PostCreated } from '../domain/social-events';
import { createPostInput, postWritten } from '../schemas';
import { lockMembers, saveMember } from './member-rows';

/** CreatePost: the author's row lock numbers their posts and orders them in the event log. */
export const createPost = defineCommand({
  name: 'social/create-post',
  summary: 'Publish a post to your followers',
  access: 'signed-in',
  input: createPostInput,
  output: postWritten,
  successStatus: 201,
  errors: [],
  async handle({ text, tags }, ctx) {
    const userId = ctx.actor!.userId;
    const member = (await lockMembers(ctx.tx, [userId])).get(userId)!;
    const postId = ctx.newId();
    const state = { member };
    const [created] = memberDecider.decide({ type: 'CreatePost', data: { postId, text, tags: tags ?? [], now: ctx.now.toISOString() } }, state) as [
      PostCreated,
    ];
    await saveMember(ctx.tx, memberDecider.evolve(state, created).member);
    const { authorSeq, createdAt } = created.data;
    await ctx.tx
      .insert(posts)
      .values({ id: postId, authorId: userId, authorSeq, text: created.data.text, tags: created.data.tags, createdAt: new Date(createdAt), version: 0 });
    await ctx.append(memberStreamId(userId), member.version, [created]);
    return { status: 201, body: { postId } };
  },
});
