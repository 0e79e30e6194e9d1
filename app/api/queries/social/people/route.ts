import { queryRoute } from '@/server/http/query-route';
import { listPeople } from '@/server/social/queries/list-people';

// ListPeople: a signed-in member finds people by name prefix, sorted by name, at most 50, each marked if they follow them.
export const GET = queryRoute(listPeople);
