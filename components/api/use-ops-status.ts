'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { OpsStatus } from './ops-types';
import { queryKeys } from './query-keys';

/** Projection lag, queues and worker liveness, refreshed every `intervalMs`. */
export function useOpsStatus(intervalMs = 2000) {
  return useQuery({
    queryKey: queryKeys.opsStatus,
    // Ops must show the truth as of now: never wait on a consistency token.
    queryFn: ({ signal }) => fetchQuery<OpsStatus>('ops/status', { context: null, signal }),
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
  });
}
