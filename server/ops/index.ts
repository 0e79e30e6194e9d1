import { getOpsStatus } from './queries/get-ops-status';

/** Platform operations: what the worker is doing, read from its own status read models. */
export const opsContext = { name: 'ops', commands: [], queries: [getOpsStatus], projectors: [] };
