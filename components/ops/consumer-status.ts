import type { BadgeTone } from '@/components/ui/badge';

export type ConsumerStatus = 'Healthy' | 'Behind' | 'Failing';

export const STATUS_TONE: Record<ConsumerStatus, BadgeTone> = { Healthy: 'success', Behind: 'warning', Failing: 'danger' };

/** An error in the last 10 minutes still counts as failing; an older one is history. */
const RECENT_ERROR_MS = 10 * 60_000;

/** Failing when its queue holds dead letters or it failed recently; Behind when events wait for it. */
export function consumerStatus(c: { lagEvents: number; deadLetters: number; lastErrorAt: string | null }, now: number): ConsumerStatus {
  const errorAt = c.lastErrorAt ? Date.parse(c.lastErrorAt) : Number.NaN;
  if (c.deadLetters > 0 || (Number.isFinite(errorAt) && now - errorAt < RECENT_ERROR_MS)) return 'Failing';
  if (c.lagEvents > 0) return 'Behind';
  return 'Healthy';
}

/** A queue is failing with dead letters, busy with retries, otherwise healthy. */
export function queueStatus(q: { retrying: number; deadLetters: number }): ConsumerStatus {
  if (q.deadLetters > 0) return 'Failing';
  if (q.retrying > 0) return 'Behind';
  return 'Healthy';
}
