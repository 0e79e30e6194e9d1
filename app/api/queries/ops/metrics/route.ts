import { queryRoute } from '@/server/http/query-route';
import { getOpsMetrics } from '@/server/ops/queries/get-ops-metrics';

// GetOpsMetrics: an administrator sees projection lag, events per second, queue depth and dead letters over the last hour.
export const GET = queryRoute(getOpsMetrics);
