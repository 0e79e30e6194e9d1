import { defineContext } from '@/server/cqrs/define-context';
import { adjustBudget } from './commands/adjust-budget';
import { allocateBudget } from './commands/allocate-budget';
import { approveRequest } from './commands/approve-request';
import { cancelRequest } from './commands/cancel-request';
import { createPurchaseRequest } from './commands/create-purchase-request';
import { markAsPaid } from './commands/mark-as-paid';
import { rejectRequest } from './commands/reject-request';
import { setApprovalPolicy } from './commands/set-approval-policy';
import { submitRequest } from './commands/submit-request';
import { updateRequest } from './commands/update-request';

/**
 * B2B procurement approval (PR1-PR4, write side): purchase requests through tiered approval chains,
 * a budget commitment ledger per department and fiscal year, approval policies down the tree.
 */
export const procurementContext = defineContext({
  name: 'procurement',
  commands: [
    createPurchaseRequest,
    updateRequest,
    submitRequest,
    cancelRequest,
    approveRequest,
    rejectRequest,
    markAsPaid,
    setApprovalPolicy,
    allocateBudget,
    adjustBudget,
  ],
});
