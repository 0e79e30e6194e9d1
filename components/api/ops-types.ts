import type { z } from 'zod';
import type { getOpsStatus } from '@/server/ops/queries/get-ops-status';

/** Shape of GET /api/queries/ops/status, inferred from the server's contract (type-only import). */
export type OpsStatus = z.infer<typeof getOpsStatus.output>;
