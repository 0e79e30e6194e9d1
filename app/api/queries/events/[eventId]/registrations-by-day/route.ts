import { queryRoute } from '@/server/http/query-route';
import { getRegistrationsByDay } from '@/server/events/queries/get-registrations-by-day';

// GetRegistrationsByDay: the organizer of an event sees its registrations and cancellations per day, for a chart.
export const GET = queryRoute(getRegistrationsByDay);
