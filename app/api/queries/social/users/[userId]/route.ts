import { queryRoute } from '@/server/http/query-route';
import { getProfile } from '@/server/social/queries/get-profile';

// GetProfile.
export const GET = queryRoute(getProfile);
