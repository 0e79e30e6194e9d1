import { commandRoute } from '@/server/http/command-route';
import { approveRequest } from '@/server/procurement/commands/approve-request';

// ApproveRequest: the current step's approver approves; the last step commits the budget.
export const POST = commandRoute(approveRequest);
