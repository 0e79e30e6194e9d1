import { streamFeed } from '@/server/social/queries/stream-feed';

// The caller's feed as Server-Sent Events.
export const GET = streamFeed;
export const dynamic = 'force-dynamic';
