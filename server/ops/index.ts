import { defineContext } from '@/server/cqrs/define-context';
import { getOpsMetrics } from './queries/get-ops-metrics';
import { getOpsStatus } from './queries/get-ops-status';

/** Platform operations (administrators only): what the worker is doing now and over the last hour, read from its own read models. */
export const opsContext = defineContext({ name: 'ops', queries: [getOpsStatus, getOpsMetrics] });
