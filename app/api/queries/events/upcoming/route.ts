import { queryRoute } from '@/server/http/query-route';
import { listUpcomingEvents } from '@/server/events/queries/list-upcoming-events';

// ListUpcomingEvents: anyone lists scheduled events that have not started, soonest first, filtered by text and keyset-paged.
export const GET = queryRoute(listUpcomingEvents);
