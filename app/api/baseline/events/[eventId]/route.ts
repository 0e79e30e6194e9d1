import { crudEventDetails } from '@/server/baseline/crud-event-queries';
import { crudRoute } from '@/server/baseline/crud-route';
import { eventIdParams } from '@/server/events/schemas';

// BENCHMARK-ONLY CRUD baseline (not part of the CQRS product): event details read from the
// PostgreSQL write tables. 404 unless QUADRANT_BASELINE=1. See server/baseline/.
export const GET = crudRoute(eventIdParams, ({ eventId }) => crudEventDetails(eventId));
