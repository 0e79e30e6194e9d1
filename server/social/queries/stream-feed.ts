import { defineStream } from '@/server/cqrs/define-stream';
import { socialFeedProjector } from '../projections/social-projector';
import { feedUpdates } from './feed-updates';

/**
 * StreamMyFeed (SF10): the caller's new feed items as the projection applies them. Each item's id
 * is its feed key (log order), so a reconnect with Last-Event-ID gets exactly the items after the
 * last one it saw.
 */
export const streamFeed = defineStream({
  path: '/api/queries/social/feed/stream',
  access: 'signed-in',
  projection: socialFeedProjector.name,
  open: ({ actor, db, lastEventId, changes }) => feedUpdates(db, actor.userId, lastEventId, changes),
});
