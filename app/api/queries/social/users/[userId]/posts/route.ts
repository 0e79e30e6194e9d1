import { queryRoute } from '@/server/http/query-route';
import { getUserPosts } from '@/server/social/queries/get-user-posts';

// GetUserPosts.
export const GET = queryRoute(getUserPosts);
