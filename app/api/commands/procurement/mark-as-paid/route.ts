import { commandRoute } from '@/server/http/command-route';
import { markAsPaid } from '@/server/procurement/commands/mark-as-paid';

// MarkAsPaid: an accountant records the payment of an approved request.
export const POST = commandRoute(markAsPaid);
