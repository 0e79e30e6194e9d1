import { defineQuery } from '@/server/cqrs/define';
import { notFound } from '@/server/cqrs/errors';
import { readModel } from '@/server/cqrs/read-models';
import { PROFILES, TIMELINES, type FeedEntry, type ProfileDoc, type TimelineDoc } from '../read-models/read-model-docs';
import { socialFeedProjector } from '../projections/social-projector';
import { feedPage, userPostsParams } from '../schemas';
import { postLoader } from './post-loader';
import { mergeSources, timelineSource } from './timeline-source';

/** GetUserPosts: one author's posts, newest first: the profile's recent list, then timeline buckets. */
export const getUserPosts = defineQuery({
  path: '/api/queries/social/users/{userId}/posts',
  summary: "A user's posts, newest first",
  access: 'signed-in',
  params: userPostsParams,
  output: feedPage,
  projections: [socialFeedProjector.name],
  errors: [{ status: 404, code: 'not-found', when: 'no such user' }],
  async handle({ userId, limit, cursor }, { db, actor }) {
    const profile = await (await readModel<ProfileDoc>(db, PROFILES)).findOne({ _id: userId });
    if (!profile) throw notFound('User');
    const entries: FeedEntry[] = [];
    const before = cursor?.split('.')[0];
    const source = timelineSource(profile, await readModel<TimelineDoc>(db, TIMELINES), (key) => !before || key < before);
    await mergeSources([source], async (e) => entries.push(e) < limit + 1);
    const page = entries.slice(0, limit);
    return {
      items: await postLoader(db, actor?.userId ?? null).items(page),
      nextCursor: entries.length > limit ? page[page.length - 1].key : null,
      stats: { strategy: 'pull' as const, materialized: 0, pulledAuthors: 1, scanned: entries.length },
    };
  },
});
