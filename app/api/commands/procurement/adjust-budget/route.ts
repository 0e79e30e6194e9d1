import { commandRoute } from '@/server/http/command-route';
import { adjustBudget } from '@/server/procurement/commands/adjust-budget';

// AdjustBudget: an accountant changes a budget, its policy or its warn threshold.
export const POST = commandRoute(adjustBudget);
