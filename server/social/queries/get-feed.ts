import { defineQuery } from '@/server/cqrs/define';
import { socialFeedProjector } from '../projections/social-projector';
import { feedPage, feedParams } from '../schemas';
import { postLoader } from './post-loader';
import { readFeed } from './read-feed';

/**
 * GetMyFeed: the caller's feed, newest first, optionally filtered (SF7). Filters are applied
 * while reading the same stored feed: author narrows the sources to that author's timeline,
 * tag/since/until test each entry, q tests the post text after loading it.
 */
export const getFeed = defineQuery({
  path: '/api/queries/social/feed',
  summary: "The caller's feed: posts of the people they follow, newest first",
  access: 'signed-in',
  params: feedParams,
  output: feedPage,
  projections: [socialFeedProjector.name],
  errors: [],
  async handle({ limit, cursor, author, tag, q, since, until }, { db, actor }) {
    const me = actor.userId;
    const loader = postLoader(db, me);
    const needle = q?.toLowerCase();
    const keep = needle
      ? async (entries: Parameters<typeof loader.load>[0]) => {
          const texts = new Map((await loader.load(entries)).map((p) => [p._id, p.text.toLowerCase()]));
          return entries.filter((e) => texts.get(e.postId)?.includes(needle));
        }
      : undefined;
    const read = await readFeed(
      db,
      me,
      { cursor, limit, filter: { author, tag, since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined } },
      keep,
    );
    return { items: await loader.items(read.entries), nextCursor: read.resumeAt, stats: read.stats };
  },
});
