import { commandRoute } from '@/server/http/command-route';
import { deleteEvent } from '@/server/events/commands/delete-event';

// DeleteEvent: the event leaves the upcoming list; its registrations show as cancelled.
export const POST = commandRoute(deleteEvent);
