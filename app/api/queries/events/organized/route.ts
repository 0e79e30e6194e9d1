import { queryRoute } from '@/server/http/query-route';
import { listOrganizedEvents } from '@/server/events/queries/list-organized-events';

// ListOrganizedEvents: an organizer lists only the events they organize, past and deleted ones included, latest start first.
export const GET = queryRoute(listOrganizedEvents);
