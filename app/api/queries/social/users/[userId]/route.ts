import { queryRoute } from '@/server/http/query-route';
import { getProfile } from '@/server/social/queries/get-profile';

// GetProfile: a signed-in member reads a user's post and follow counts and whether they follow that user.
export const GET = queryRoute(getProfile);
