import { queryRoute } from '@/server/http/query-route';
import { listPeople } from '@/server/social/queries/list-people';

// ListPeople.
export const GET = queryRoute(listPeople);
