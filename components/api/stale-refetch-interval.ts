import type { Projected } from './api-client';

/** While the server answers "stale", poll quickly; otherwise use the normal cadence. */
export function staleRefetchInterval(normalMs: number | false, staleMs = 1000) {
  return (query: { state: { data: Projected<unknown> | undefined } }): number | false => (query.state.data?.stale ? staleMs : normalMs);
}
