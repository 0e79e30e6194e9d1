import { queryRoute } from '@/server/http/query-route';
import { getOpsStatus } from '@/server/ops/queries/get-ops-status';

// Projection lag, dead letters, queue depth, worker liveness.
export const GET = queryRoute(getOpsStatus);
