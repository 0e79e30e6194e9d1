import { documentsIn } from '@/server/cqrs/document-projector';
import { ensureIndexes } from '@/server/cqrs/ensure-indexes';
import type { Projector } from '@/server/cqrs/projector';
import type { StoredEvent } from '@/server/cqrs/types';
import { env } from '@/server/env';
import type { SocialEvent } from '../domain/domain-events';
import { COMMENTS, FEED_HEADS, FEED_PAGES, FOLLOWS, LIKES, POSTS, PROFILES, TIMELINES } from '../read-models/read-model-docs';
import { socialDocuments } from './social-documents';
import { updateFeeds } from './update-feeds';

/**
 * The whole social read side in one projector, so that a fan-out reads the follow graph, a
 * follow reads timelines, and both see exactly the same point of the event log. The per-key
 * documents evolve purely (social-documents.ts), then the feeds follow (update-feeds.ts); every
 * step is safe to replay. The strategy (push, pull, hybrid) is read once at start: changing it is
 * a rebuild.
 */
export function socialProjector(strategy = env.SOCIAL_FEED_STRATEGY, threshold = env.SOCIAL_PULL_THRESHOLD): Projector {
  const documents = socialDocuments(strategy, threshold);
  return {
    name: 'social.feed',
    collections: [PROFILES, POSTS, TIMELINES, FOLLOWS, FEED_HEADS, FEED_PAGES, LIKES, COMMENTS],
    handles: ['UserCreated', 'PostCreated', 'UserFollowed', 'UserUnfollowed', 'PostLiked', 'PostUnliked', 'CommentAdded'],

    async setup(store) {
      await ensureIndexes(store.collection(PROFILES), [{ key: { initial: 1 } }, { key: { namePrefixes: 1 } }]);
      await ensureIndexes(store.collection(FOLLOWS), [{ key: { followeeId: 1 } }, { key: { followerId: 1 } }]);
      await ensureIndexes(store.collection(FEED_PAGES), [{ key: { owner: 1 } }]);
      await ensureIndexes(store.collection(LIKES), [{ key: { userId: 1 } }]);
      await ensureIndexes(store.collection(COMMENTS), [{ key: { postId: 1 } }]);
    },

    async apply(event, store) {
      const profiles = await documents(documentsIn(store), event);
      // Pull reads no feed documents: there is nothing to fan out.
      if (strategy !== 'pull') await updateFeeds(store, event as StoredEvent<SocialEvent>, profiles);
    },
  };
}

export const socialFeedProjector = socialProjector();
