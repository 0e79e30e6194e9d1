import { commandRoute } from '@/server/http/command-route';
import { rejectRequest } from '@/server/procurement/commands/reject-request';

// RejectRequest: the current step's approver rejects or returns it for changes.
export const POST = commandRoute(rejectRequest);
