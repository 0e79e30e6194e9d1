import { commandRoute } from '@/server/http/command-route';
import { updateEvent } from '@/server/events/commands/update-event';

// UpdateEvent: the organizer changes details; capacity never drops below the registrations.
export const POST = commandRoute(updateEvent);
