import { queryRoute } from '@/server/http/query-route';
import { getFeed } from '@/server/social/queries/get-feed';

// GetMyFeed: a signed-in member reads only their own feed, their and their followees' posts newest first, filtered by author, tag, text or time.
export const GET = queryRoute(getFeed);
