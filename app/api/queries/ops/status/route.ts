import { queryRoute } from '@/server/http/query-route';
import { getOpsStatus } from '@/server/ops/queries/get-ops-status';

// GetOpsStatus: an administrator reads projection checkpoints, lag, dead letters, queue depth and worker liveness.
export const GET = queryRoute(getOpsStatus);
