import { queryRoute } from '@/server/http/query-route';
import { listUpcomingEvents } from '@/server/events/queries/list-upcoming-events';

// ListUpcomingEvents.
export const GET = queryRoute(listUpcomingEvents);
