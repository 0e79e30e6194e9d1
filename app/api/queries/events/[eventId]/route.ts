import { queryRoute } from '@/server/http/query-route';
import { getEventDetails } from '@/server/events/queries/get-event-details';

// GetEventDetails: anyone reads an event with its seats left; a deleted event still answers, with status deleted.
export const GET = queryRoute(getEventDetails);
