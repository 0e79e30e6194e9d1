/** The events benchmark's typed results: one type per scenario, and the report that holds them. */
import type { RunRecord } from '../harness/markdown';
import type { Summary } from '../harness/open-loop';
import type { PhaseUsage, RssPoint } from '../harness/proc-sampler';
import type { BenchStack } from '../harness/stack';
import type { StreamInfo } from '../harness/stream-summary';
import type { Verdict } from '../harness/verdict';
import type { Prepared } from './requests';
import type { EventsSettings, eventsTargets } from './settings';

/** What every scenario gets: the running stack, the settings, the prepared data. */
export interface EventsBench {
  stack: BenchStack;
  cfg: EventsSettings;
  data: Prepared;
  /** Waits for the projection and an idle stack between phases. */
  settle(): Promise<void>;
}

export type Latency = { n: number; p50: number; p95: number; p99: number };

export interface UnloadedResult {
  label: string;
  store: Record<'ferretdbDetailsHandler' | 'ferretdbUpcomingHandler' | 'postgresDetails' | 'postgresUpcoming', Latency>;
  upcomingQueryShape: {
    label: string;
    finds: { filter: unknown; sort: unknown; limit: unknown; returned?: number }[];
    pushdown: Record<string, unknown>;
    plan: PlanNode | null;
  };
  http: Record<'details' | 'upcoming' | 'baselineDetails' | 'baselineUpcoming' | 'health', Latency>;
}

export interface PlanNode {
  'Node Type'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

export interface ClosedLoopRun {
  label: string;
  connections: number;
  seconds: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  cpuMsPerRequest: Record<'web' | 'ferretdb' | 'readPostgres' | 'postgres' | 'worker' | 'bench', number>;
  usage: PhaseUsage;
}

export type ClosedLoopRoute = 'details' | 'upcoming' | 'baseline-details' | 'baseline-upcoming';

export interface MixedLevel {
  label: string;
  readers: StreamInfo & { perSecondPerReader: number; details?: Summary; upcoming?: Summary };
  registrants: StreamInfo & { perSecondPerRegistrant: number; register?: Summary };
  usage: PhaseUsage;
}

export interface IsolationPhase {
  writes: StreamInfo & Summary;
  reads?: StreamInfo & { label: string; details?: Summary; upcoming?: Summary; all: Summary };
  usage: PhaseUsage;
}

export interface IsolationResult {
  floodRate: number;
  floodRateRule: string;
  phases: Record<string, IsolationPhase>;
  /** p95 of the writes with the flood / alone. */
  ratios: {
    cqrs: number;
    crud: number;
    cqrsDetailsFlood: number;
    crudDetailsFlood: number;
    cqrsLowRate?: number;
    crudLowRate?: number;
    cqrsClosedFlood?: number;
    crudClosedFlood?: number;
  };
}

export interface ProjectionLagResult {
  label: string;
  registrations: number;
  ratePerSec: number;
  measured: number;
  notVisibleWithin5s: number;
  errors: Record<string, number>;
  polls: number;
  lagMs: { count: number; p50: number; p95: number; p99: number; max: number; mean: number };
  commandLatencyMs: { p50: number; p95: number; p99: number };
  usage: PhaseUsage;
}

export interface SqlEvidence {
  rows: { table: string; rows: number; size: string }[];
  opsQueueDepth: string[];
  opsLag: string[];
  readEventsAfter: string[];
  commits: Record<string, number>;
}

export interface EventsResults {
  unloaded: UnloadedResult;
  closedLoop: Partial<Record<ClosedLoopRoute, ClosedLoopRun>>;
  mixed: MixedLevel;
  mixedLight?: MixedLevel;
  isolation: IsolationResult;
  projectionLag: ProjectionLagResult;
  sql: SqlEvidence;
}

export interface EventsReport extends RunRecord {
  config: EventsSettings;
  targets: typeof eventsTargets;
  setup: Record<string, string>;
  results: EventsResults;
  rss: { points: number; peakTreeMb: RssPoint['tree']; peakLargestProcessMb: RssPoint['largest']; timeline: RssPoint[] };
  phases: PhaseUsage[];
  verdicts: Verdict[];
}
