import { streamRoute } from '@/server/http/stream-route';
import { streamFeed } from '@/server/social/queries/stream-feed';

// StreamMyFeed: a signed-in member receives only their own feed's new posts as Server-Sent Events, resumable after the Last-Event-ID they saw.
export const GET = streamRoute(streamFeed);
