import { commandRoute } from '@/server/http/command-route';
import { createDepartment } from '@/server/identity/commands/create-department';

// CreateDepartment: an administrator adds a unit to the organization tree.
export const POST = commandRoute(createDepartment);
