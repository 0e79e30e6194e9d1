import type { z } from 'zod';
import type { ReadDb } from '@/db/mongo';
import { readModel } from '@/server/cqrs/read-models';
import { forEachConcurrent } from '@/server/cqrs/for-each-concurrent';
import { LIKES, POSTS, type FeedEntry, type LikeDoc, type PostDoc } from '../read-models/read-model-docs';
import type { feedItem } from '../schemas';

export type FeedItem = z.infer<typeof feedItem>;

/**
 * Turns feed entries into feed items: each post by _id (FerretDB v1 scans for `_id: {$in}`, so
 * parallel single lookups are far cheaper), and the viewer's likes by one indexed equality.
 * Posts are cached per request, so the `q` filter and the final page share the reads.
 */
export function postLoader(db: ReadDb, viewer: string | null) {
  const cache = new Map<string, PostDoc | null>();
  const load = async (entries: FeedEntry[]) => {
    const posts = await readModel<PostDoc>(db, POSTS);
    await forEachConcurrent(
      entries.filter((e) => !cache.has(e.postId)),
      16,
      async (e) => cache.set(e.postId, await posts.findOne({ _id: e.postId })),
    );
    return entries.map((e) => cache.get(e.postId)).filter((p): p is PostDoc => Boolean(p));
  };
  return {
    load,
    async items(entries: FeedEntry[]): Promise<FeedItem[]> {
      const docs = await load(entries);
      const liked = new Set<string>();
      if (viewer && docs.length) {
        const likes = await readModel<LikeDoc>(db, LIKES);
        const ids = docs.map((d) => d._id);
        for (const l of await likes.find({ userId: viewer, postId: { $in: ids } }, { projection: { postId: 1 } }).toArray()) liked.add(l.postId);
      }
      return docs.map((p) => ({
        postId: p._id,
        author: p.author,
        text: p.text,
        tags: p.tags,
        createdAt: p.createdAt.toISOString(),
        likeCount: p.likeCount,
        commentCount: p.commentCount,
        likedByMe: liked.has(p._id),
        cursor: p.key,
      }));
    },
  };
}
