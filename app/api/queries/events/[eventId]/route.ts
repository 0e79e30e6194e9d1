import { queryRoute } from '@/server/http/query-route';
import { getEventDetails } from '@/server/events/queries/get-event-details';

// GetEventDetails.
export const GET = queryRoute(getEventDetails);
