import { commandRoute } from '@/server/http/command-route';
import { cancelRegistration } from '@/server/events/commands/cancel-registration';

// CancelRegistration: a signed-in caller gives back their own seat; refused once the event has started or was deleted.
export const POST = commandRoute(cancelRegistration);
