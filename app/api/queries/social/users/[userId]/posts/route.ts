import { queryRoute } from '@/server/http/query-route';
import { getUserPosts } from '@/server/social/queries/get-user-posts';

// GetUserPosts: a signed-in member reads one user's posts, newest first, keyset-paged.
export const GET = queryRoute(getUserPosts);
