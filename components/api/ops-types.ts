import type { z } from 'zod';
import type { getOpsMetrics } from '@/server/ops/queries/get-ops-metrics';
import type { getOpsStatus } from '@/server/ops/queries/get-ops-status';

/** Shape of GET /api/queries/ops/status, inferred from the server's contract (type-only import). */
export type OpsStatus = z.infer<typeof getOpsStatus.output>;

/** Shape of GET /api/queries/ops/metrics: samples every `intervalSeconds`, oldest first (administrators only). */
export type OpsMetrics = z.infer<typeof getOpsMetrics.output>;
export type OpsMetricsPoint = OpsMetrics['points'][number];
/** How far back the metrics reach. */
export type OpsMetricsWindow = '15m' | '1h';
