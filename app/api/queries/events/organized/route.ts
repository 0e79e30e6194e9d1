import { queryRoute } from '@/server/http/query-route';
import { listOrganizedEvents } from '@/server/events/queries/list-organized-events';

// The organizer's events.
export const GET = queryRoute(listOrganizedEvents);
