import { commandRoute } from '@/server/http/command-route';
import { cancelRegistration } from '@/server/events/commands/cancel-registration';

// CancelRegistration: the caller gives their seat back.
export const POST = commandRoute(cancelRegistration);
