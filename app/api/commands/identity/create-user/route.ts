import { commandRoute } from '@/server/http/command-route';
import { createUser } from '@/server/identity/commands/create-user';

// CreateUser: open sign-up.
export const POST = commandRoute(createUser);
