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
  summary: "The caller's new feed items as Server-Sent Events",
  description:
    'Each new item arrives as `event: post` with `id: <cursor>` and the feed item as JSON `data`, oldest first; the stream opens with `retry: 2000` and sends `: keepalive` comments every 15 s. Reconnect with the `Last-Event-ID` header (or `?lastEventId=`) to receive exactly the items after that id; more than 500 behind, it sends `event: reset` instead (reload the feed) and goes on from the newest. A failure is sent as `event: error` and ends the stream (reconnect to resume).',
  projection: socialFeedProjector.name,
  open: ({ actor, db, lastEventId, changes }) => feedUpdates(db, actor.userId, lastEventId, changes),
});
