import { commandRoute } from '@/server/http/command-route';
import { deleteEvent } from '@/server/events/commands/delete-event';

// DeleteEvent: only its organizer deletes an event; it leaves the upcoming list, its registrations show as event-deleted; repeating is harmless.
export const POST = commandRoute(deleteEvent);
