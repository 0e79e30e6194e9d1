import { queryRoute } from '@/server/http/query-route';
import { getOpsStatus } from '@/server/ops/queries/get-ops-status';

// GetOpsStatus: any signed-in user reads projection checkpoints, lag, dead letters, queue depth and worker liveness.
export const GET = queryRoute(getOpsStatus);
