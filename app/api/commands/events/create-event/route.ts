import { commandRoute } from '@/server/http/command-route';
import { createEvent } from '@/server/events/commands/create-event';

// CreateEvent: an organizer publishes an event with a capacity.
export const POST = commandRoute(createEvent);
