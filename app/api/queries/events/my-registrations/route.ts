import { queryRoute } from '@/server/http/query-route';
import { listMyRegistrations } from '@/server/events/queries/list-my-registrations';

// ListMyRegistrations: a signed-in caller lists only their own registrations, soonest event first.
export const GET = queryRoute(listMyRegistrations);
