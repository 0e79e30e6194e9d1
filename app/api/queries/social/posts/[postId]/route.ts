import { queryRoute } from '@/server/http/query-route';
import { getPostDetails } from '@/server/social/queries/get-post-details';

// GetPost.
export const GET = queryRoute(getPostDetails);
