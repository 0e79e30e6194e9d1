import { commandRoute } from '@/server/http/command-route';
import { allocateBudget } from '@/server/procurement/commands/allocate-budget';

// AllocateBudget: an accountant allocates a department's budget for a fiscal year.
export const POST = commandRoute(allocateBudget);
