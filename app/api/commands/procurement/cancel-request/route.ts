import { commandRoute } from '@/server/http/command-route';
import { cancelRequest } from '@/server/procurement/commands/cancel-request';

// CancelRequest: the requester withdraws it before payment; its budget is released.
export const POST = commandRoute(cancelRequest);
