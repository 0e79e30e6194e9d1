import { commandRoute } from '@/server/http/command-route';
import { assignMember } from '@/server/identity/commands/assign-member';

// AssignMember: an administrator moves a user into a department, optionally as its lead.
export const POST = commandRoute(assignMember);
