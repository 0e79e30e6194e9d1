import { queryRoute } from '@/server/http/query-route';
import { listMyRegistrations } from '@/server/events/queries/list-my-registrations';

// ListMyRegistrations.
export const GET = queryRoute(listMyRegistrations);
