import { defineContext } from '@/server/cqrs/define-context';
import { getOpsStatus } from './queries/get-ops-status';

/** Platform operations: what the worker is doing, read from its own status read models. */
export const opsContext = defineContext({ name: 'ops', queries: [getOpsStatus] });
