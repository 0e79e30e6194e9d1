/** The events benchmark's settings (BENCH_* environment variables) and targets (EV4, EV5). */
import path from 'node:path';
import { flag, num } from '../harness/settings';

export const eventsSettings = () => ({
  ports: {
    pg: num('BENCH_PG_PORT', 54349),
    readPg: num('BENCH_READ_PG_PORT', 54348),
    mongo: num('BENCH_MONGO_PORT', 27049),
    web: num('BENCH_WEB_PORT', 3049),
  },
  events: num('BENCH_EVENTS', 200),
  users: num('BENCH_USERS', 300),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 8),
  closed: { seconds: num('BENCH_CLOSED_SECONDS', 8), connections: num('BENCH_CLOSED_CONNECTIONS', 100) },
  mixed: {
    seconds: num('BENCH_MIXED_SECONDS', 20),
    readers: num('BENCH_MIXED_READERS', 120),
    readRate: num('BENCH_MIXED_READ_RATE', 120),
    upcomingShare: num('BENCH_MIXED_UPCOMING_SHARE', 0.1),
    registrants: num('BENCH_MIXED_REGISTRANTS', 120),
    writeRate: num('BENCH_MIXED_WRITE_RATE', 30),
    /** The lighter second level (0 = skip it). */
    lightReadRate: num('BENCH_LIGHT_READ_RATE', 60),
    lightWriteRate: num('BENCH_LIGHT_WRITE_RATE', 10),
  },
  isolation: {
    seconds: num('BENCH_ISO_SECONDS', 20),
    writeRate: num('BENCH_ISO_WRITE_RATE', 50),
    /** A second, lower write rate (0 = skip): shows whether isolation holds below saturation. */
    lowWriteRate: num('BENCH_ISO_LOW_WRITE_RATE', 25),
    writers: num('BENCH_ISO_WRITERS', 100),
    floodReaders: num('BENCH_FLOOD_READERS', 200),
    /** Open-loop flood rate over floodReaders connections; 0 = floodShareOfCapacity x the
     *  closed-loop details capacity measured in the same run. */
    floodRate: num('BENCH_FLOOD_RATE', 100),
    floodShareOfCapacity: num('BENCH_FLOOD_SHARE', 0.6),
    /** Also run a saturating closed-loop flood (200 connections back to back). */
    closedFlood: flag('BENCH_CLOSED_FLOOD'),
    closedFloodSeconds: num('BENCH_CLOSED_FLOOD_SECONDS', 15),
  },
  lag: { count: num('BENCH_LAG_COUNT', 300), rate: num('BENCH_LAG_RATE', 20), pollMs: num('BENCH_LAG_POLL_MS', 5) },
  timeoutMs: num('BENCH_TIMEOUT_MS', 10_000),
  /**
   * Directory for V8 CPU profiles of the web and worker processes (node --cpu-prof), summarised
   * per phase at the end. Profiling costs CPU: not for the numbers of record.
   */
  cpuProfileDir: process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : undefined,
  /** fsync off in PostgreSQL: not representative, only for quick iterations on the script. */
  pgFast: flag('BENCH_PG_FAST'),
});

export type EventsSettings = ReturnType<typeof eventsSettings>;

export const eventsTargets = {
  detailsP99Ms: 30,
  registrationP99Ms: 200,
  writeP95Ratio: 1.5,
  projectionLagP95Ms: 250,
  webRssMb: 400,
  workerRssMb: 200,
};
