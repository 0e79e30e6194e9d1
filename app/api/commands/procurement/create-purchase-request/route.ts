import { commandRoute } from '@/server/http/command-route';
import { createPurchaseRequest } from '@/server/procurement/commands/create-purchase-request';

// CreatePurchaseRequest: a draft in the caller's department, amounts computed by the server.
export const POST = commandRoute(createPurchaseRequest);
