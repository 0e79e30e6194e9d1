import { queryRoute } from '@/server/http/query-route';
import { getFeed } from '@/server/social/queries/get-feed';

// GetMyFeed.
export const GET = queryRoute(getFeed);
