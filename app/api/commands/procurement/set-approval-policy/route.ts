import { commandRoute } from '@/server/http/command-route';
import { setApprovalPolicy } from '@/server/procurement/commands/set-approval-policy';

// SetApprovalPolicy: an administrator sets a department's approval tiers.
export const POST = commandRoute(setApprovalPolicy);
