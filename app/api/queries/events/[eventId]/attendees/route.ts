import { queryRoute } from '@/server/http/query-route';
import { listEventAttendees } from '@/server/events/queries/list-event-attendees';

// ListEventAttendees: the organizer of an event sees who registered, when, and who cancelled; paged, filtered by status, sorted by time or name.
export const GET = queryRoute(listEventAttendees);
