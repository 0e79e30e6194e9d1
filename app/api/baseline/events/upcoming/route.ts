import { crudUpcomingEvents } from '@/server/baseline/crud-event-queries';
import { crudRoute } from '@/server/baseline/crud-route';
import { upcomingParams } from '@/server/events/schemas';

// BENCHMARK-ONLY CRUD baseline (not part of the CQRS product): upcoming events read from the
// PostgreSQL write tables. 404 unless QUADRANT_BASELINE=1. See server/baseline/.
export const GET = crudRoute(upcomingParams, crudUpcomingEvents);
