import { env } from '@/server/env';
import { ensureIndexes } from '@/server/cqrs/ensure-indexes';
import { versionGuard, type ProjectionStore, type Projector } from '@/server/cqrs/projector';
import type { StoredEvent } from '@/server/cqrs/types';
import type { UserCreated } from '@/server/identity/domain/user-events';
import type { SocialEvent, UserFollowed, UserUnfollowed } from '../domain/social-events';
import { addPulledAuthor, fanOut, postsToBackfill, rewriteWindow } from './feed-writes';
import { dedupe, entryKey, RECENT_POSTS, TIMELINE_BUCKET } from './feed-window';
import {
  COMMENTS,
  FEED_HEADS,
  FEED_PAGES,
  FOLLOWS,
  LIKES,
  POSTS,
  PROFILES,
  TIMELINES,
  asHead,
  type CommentDoc,
  type FeedEntry,
  type FeedHeadDoc,
  type FollowDoc,
  type LikeDoc,
  type PostDoc,
  type ProfileDoc,
  type TimelineDoc,
} from './read-model-docs';

const followersOf = async (store: ProjectionStore, userId: string) =>
  (
    await store
      .collection<FollowDoc>(FOLLOWS)
      .find({ followeeId: userId }, { projection: { followerId: 1 } })
      .toArray()
  ).map((f) => f.followerId);

/** Each count is set only by a newer revision of its member's counts (see social-events.ts). */
async function setCounts(store: ProjectionStore, d: (UserFollowed | UserUnfollowed)['data']) {
  const profiles = store.collection<ProfileDoc>(PROFILES);
  await profiles.updateOne(versionGuard(d.followerId, d.followerCountsVersion, 'followingCountAt'), {
    $set: { followingCount: d.followingCount, followingCountAt: d.followerCountsVersion },
  });
  await profiles.updateOne(versionGuard(d.followeeId, d.followeeCountsVersion, 'followerCountAt'), {
    $set: { followerCount: d.followerCount, followerCountAt: d.followeeCountsVersion },
  });
}

/**
 * The whole social read side in one projector, so that a fan-out reads the follow graph, a
 * follow reads timelines, and both see exactly the same point of the event log. Counts come
 * from the events (values after the change) and are set, never incremented; sets use
 * $addToSet/$pull; windows are recomputed; so replaying any event is harmless.
 * The strategy (push, pull, hybrid) is read once at start: changing it is a rebuild.
 */
export function socialProjector(strategy = env.SOCIAL_FEED_STRATEGY, threshold = env.SOCIAL_PULL_THRESHOLD): Projector {
  const pullAt = strategy === 'push' ? Infinity : strategy === 'pull' ? 0 : threshold;
  const materialize = strategy !== 'pull';
  return {
    name: 'social.feed',
    collections: [PROFILES, POSTS, TIMELINES, FOLLOWS, FEED_HEADS, FEED_PAGES, LIKES, COMMENTS],
    handles: ['UserCreated', 'PostCreated', 'UserFollowed', 'UserUnfollowed', 'PostLiked', 'PostUnliked', 'CommentAdded'],

    async setup(store) {
      await ensureIndexes(store.collection(PROFILES), [{ key: { initial: 1 } }]);
      await ensureIndexes(store.collection(FOLLOWS), [{ key: { followeeId: 1 } }, { key: { followerId: 1 } }]);
      await ensureIndexes(store.collection(FEED_PAGES), [{ key: { owner: 1 } }]);
      await ensureIndexes(store.collection(LIKES), [{ key: { userId: 1 } }]);
      await ensureIndexes(store.collection(COMMENTS), [{ key: { postId: 1 } }]);
    },

    async apply(stored, store) {
      const event = stored as StoredEvent<SocialEvent | UserCreated>;
      const profiles = store.collection<ProfileDoc>(PROFILES);
      const posts = store.collection<PostDoc>(POSTS);
      switch (event.type) {
        case 'UserCreated': {
          const { userId, name } = event.data;
          const nameLower = name.toLowerCase();
          await profiles.updateOne(
            { _id: userId },
            { $set: { name, nameLower, initial: nameLower.charAt(0) }, $setOnInsert: { postCount: 0, followerCount: 0, followingCount: 0, mode: 'push' } },
            { upsert: true },
          );
          return;
        }
        case 'PostCreated': {
          const { postId, author, authorSeq, text, tags, createdAt, postCount } = event.data;
          const entry: FeedEntry = {
            key: entryKey(event.transactionId, event.position),
            postId,
            authorId: author.userId,
            createdAt: new Date(createdAt),
            tags,
          };
          await posts.updateOne(
            { _id: postId },
            { $set: { key: entry.key, author, text, tags, createdAt: entry.createdAt }, $setOnInsert: { likeCount: 0, commentCount: 0, version: 0 } },
            { upsert: true },
          );
          const bucket = Math.floor((authorSeq - 1) / TIMELINE_BUCKET);
          await store
            .collection<TimelineDoc>(TIMELINES)
            .updateOne({ _id: `${author.userId}:${bucket}` }, { $addToSet: { items: entry }, $set: { authorId: author.userId, bucket } }, { upsert: true });
          const profile = await profiles.findOne({ _id: author.userId });
          const recent = dedupe([entry, ...(profile?.recent ?? [])]).slice(0, RECENT_POSTS);
          await profiles.updateOne({ _id: author.userId }, { $set: { recent, postCount } });
          if (!materialize) return;
          // Your own posts are in your feed; followers get them unless the author is pulled.
          const owners = profile?.mode === 'pull' ? [] : await followersOf(store, author.userId);
          await fanOut(store, entry, [author.userId, ...owners]);
          return;
        }
        case 'UserFollowed': {
          const { followerId, followeeId, followerCount } = event.data;
          await store.collection<FollowDoc>(FOLLOWS).updateOne({ _id: `${followerId}:${followeeId}` }, { $set: { followerId, followeeId } }, { upsert: true });
          await setCounts(store, event.data);
          if (!materialize) return;
          const followee = await profiles.findOne({ _id: followeeId });
          if (!followee) return;
          if (followee.mode === 'push' && followerCount >= pullAt) {
            // The author just became big: every follower merges them at read time from now on.
            await profiles.updateOne({ _id: followeeId }, { $set: { mode: 'pull' } });
            await addPulledAuthor(store, followeeId, await followersOf(store, followeeId));
          } else if (followee.mode === 'pull') {
            await addPulledAuthor(store, followeeId, [followerId]);
          } else {
            const head = asHead(followerId, await store.collection<FeedHeadDoc>(FEED_HEADS).findOne({ _id: followerId }));
            await rewriteWindow(store, followerId, await postsToBackfill(store, followee, head.floor));
          }
          return;
        }
        case 'UserUnfollowed': {
          const { followerId, followeeId } = event.data;
          await store.collection<FollowDoc>(FOLLOWS).deleteOne({ _id: `${followerId}:${followeeId}` });
          await setCounts(store, event.data);
          if (!materialize) return;
          await store.collection<FeedHeadDoc>(FEED_HEADS).updateOne({ _id: followerId }, { $pull: { pulled: followeeId } });
          await rewriteWindow(store, followerId, { removeAuthor: followeeId });
          return;
        }
        case 'PostLiked':
        case 'PostUnliked': {
          const { postId, userId, likeCount } = event.data;
          await posts.updateOne(versionGuard(postId, event.streamVersion), { $set: { likeCount, version: event.streamVersion } });
          const likes = store.collection<LikeDoc>(LIKES);
          if (event.type === 'PostLiked') await likes.updateOne({ _id: `${postId}:${userId}` }, { $set: { postId, userId } }, { upsert: true });
          else await likes.deleteOne({ _id: `${postId}:${userId}` });
          return;
        }
        case 'CommentAdded': {
          const { postId, commentId, author, text, createdAt, commentCount } = event.data;
          await store
            .collection<CommentDoc>(COMMENTS)
            .updateOne(
              { _id: commentId },
              { $set: { key: entryKey(event.transactionId, event.position), postId, author, text, createdAt: new Date(createdAt) } },
              { upsert: true },
            );
          await posts.updateOne(versionGuard(postId, event.streamVersion), { $set: { commentCount, version: event.streamVersion } });
          return;
        }
      }
    },
  };
}

export const socialFeedProjector = socialProjector();
