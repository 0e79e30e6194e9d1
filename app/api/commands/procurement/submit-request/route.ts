import { commandRoute } from '@/server/http/command-route';
import { submitRequest } from '@/server/procurement/commands/submit-request';

// SubmitRequest: fixes the approval chain and reserves the total in the budget.
export const POST = commandRoute(submitRequest);
