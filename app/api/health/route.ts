import { healthHandler } from '@/server/http/health';

// Liveness of web, worker, PostgreSQL and the read store.
export const GET = healthHandler;
export const dynamic = 'force-dynamic';
