import { queryRoute } from '@/server/http/query-route';
import { getPostDetails } from '@/server/social/queries/get-post-details';

// GetPostDetails: a signed-in member reads a post with its counts and its comments, oldest comment first.
export const GET = queryRoute(getPostDetails);
