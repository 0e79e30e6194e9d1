import type { DocumentChange } from '@/server/cqrs/document-projector';
import type { ProjectionStore } from '@/server/cqrs/projector';
import type { StoredEvent } from '@/server/cqrs/types';
import type { SocialEvent } from '../domain/domain-events';
import { asHead, FEED_HEADS, type FeedHeadDoc, FOLLOWS, type FollowDoc, type ProfileDoc } from '../read-models/read-model-docs';
import { addPulledAuthor, fanOut, postsToBackfill, rewriteWindow } from './feed-writes';
import { feedEntryOf } from './social-documents';

const followersOf = async (store: ProjectionStore, userId: string) =>
  (
    await store
      .collection<FollowDoc>(FOLLOWS)
      .find({ followeeId: userId }, { projection: { followerId: 1 } })
      .toArray()
  ).map((f) => f.followerId);

/**
 * The materialized feeds (heads and pages) after one event. Not a pure evolve: a post lands in
 * one document per follower, found through the follow graph, and a follow re-lays a window from
 * the followee's timelines, so which documents change and how depends on reading others, and a
 * 50,000-follower fan-out does not fit in memory as "document in, document out". Idempotent
 * instead: `$addToSet` of entries keyed by log position, windows recomputed by the pure
 * `rewindow` (feed-window.ts). `profiles` are the changes the profile projection just made.
 */
export async function updateFeeds(store: ProjectionStore, event: StoredEvent<SocialEvent>, profiles: DocumentChange<ProfileDoc>[]): Promise<void> {
  const profile = (id: string) => profiles.find((c) => c.id === id);
  switch (event.type) {
    case 'PostCreated': {
      const authorId = event.data.author.userId;
      // Your own posts are in your feed; followers get them unless the author is pulled.
      const owners = profile(authorId)?.after?.mode === 'pull' ? [] : await followersOf(store, authorId);
      await fanOut(store, feedEntryOf(event), [authorId, ...owners]);
      return;
    }
    case 'UserFollowed': {
      const { followerId, followeeId } = event.data;
      const followee = profile(followeeId);
      if (!followee?.after) return;
      if (followee.before?.mode === 'push' && followee.after.mode === 'pull') {
        // The author just became big: every follower merges them at read time from now on.
        await addPulledAuthor(store, followeeId, await followersOf(store, followeeId));
      } else if (followee.after.mode === 'pull') {
        await addPulledAuthor(store, followeeId, [followerId]);
      } else {
        const head = asHead(followerId, await store.collection<FeedHeadDoc>(FEED_HEADS).findOne({ _id: followerId }));
        await rewriteWindow(store, followerId, await postsToBackfill(store, followee.after, head.floor));
      }
      return;
    }
    case 'UserUnfollowed': {
      const { followerId, followeeId } = event.data;
      await store.collection<FeedHeadDoc>(FEED_HEADS).updateOne({ _id: followerId }, { $pull: { pulled: followeeId } });
      await rewriteWindow(store, followerId, { removeAuthor: followeeId });
      return;
    }
  }
}
