import { commandRoute } from '@/server/http/command-route';
import { createUser } from '@/server/identity/commands/create-user';

// CreateUser: anyone signs up, as an attendee; an email already taken, in any letter case, is refused.
export const POST = commandRoute(createUser);
