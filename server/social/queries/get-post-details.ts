import { defineQuery } from '@/server/cqrs/define';
import { notFound } from '@/server/cqrs/errors';
import { readModel } from '@/server/cqrs/read-models';
import { COMMENTS, POSTS, type CommentDoc, type PostDoc } from '../read-models/read-model-docs';
import { socialFeedProjector } from '../projections/social-projector';
import { postDetails, postIdParams } from '../schemas';
import { postLoader } from './post-loader';

/** GetPost: the post with its comments, oldest comment first. */
export const getPostDetails = defineQuery({
  path: '/api/queries/social/posts/{postId}',
  summary: 'A post with its comments',
  access: 'signed-in',
  params: postIdParams,
  output: postDetails,
  projections: [socialFeedProjector.name],
  errors: [{ status: 404, code: 'not-found', when: 'no such post' }],
  async handle({ postId }, { db, actor }) {
    const doc = await (await readModel<PostDoc>(db, POSTS)).findOne({ _id: postId });
    if (!doc) throw notFound('Post');
    const [post] = await postLoader(db, actor?.userId ?? null).items([
      { key: doc.key, postId, authorId: doc.author.userId, createdAt: doc.createdAt, tags: doc.tags },
    ]);
    const comments = await (await readModel<CommentDoc>(db, COMMENTS)).find({ postId }).toArray();
    comments.sort((a, b) => (a.key < b.key ? -1 : 1));
    return { post, comments: comments.map((c) => ({ commentId: c._id, author: c.author, text: c.text, createdAt: c.createdAt.toISOString() })) };
  },
});
