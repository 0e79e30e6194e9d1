'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchQuery } from './api-client';
import type { OpsMetrics, OpsMetricsWindow } from './ops-types';
import { queryKeys } from './query-keys';

/**
 * Ops over time (administrators only): projection lag, events per second, queue depth and dead
 * letters, one point per 10 s, refreshed as new samples arrive.
 */
export function useOpsMetrics(window: OpsMetricsWindow = '1h', intervalMs = 10_000) {
  return useQuery({
    queryKey: queryKeys.opsMetrics(window),
    // As the status: the truth as of now, never waiting on a consistency token.
    queryFn: ({ signal }) => fetchQuery<OpsMetrics>(`ops/metrics?${new URLSearchParams({ window })}`, { context: null, signal }),
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
  });
}
