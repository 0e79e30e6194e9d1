/** The feed benchmark's typed results: one type per scenario, and the report that holds them. */
import type { Db } from 'mongodb';
import type { BulkBuildResult } from '@/server/social/projections/bulk-build';
import type { RunRecord } from '../harness/markdown';
import type { Summary } from '../harness/open-loop';
import type { PhaseUsage } from '../harness/proc-sampler';
import type { BenchStack } from '../harness/stack';
import type { Verdict } from '../harness/verdict';
import type { Loaded, LoadPlan } from './bulk-load';
import type { FeedSettings, feedTargets, Strategy } from './settings';

export interface Persona {
  group: string;
  index: number;
  token: string;
  deepCursor?: string | null;
  deepPageReached?: number;
}

/** What every scenario gets: the running stack, the settings, the loaded graph and its personas. */
export interface FeedBench {
  stack: BenchStack;
  cfg: FeedSettings;
  db: Db;
  loaded: Loaded;
  personas: Record<string, Persona[]>;
  /** A bearer token for user i. */
  token(i: number): Promise<string>;
  /** Waits for the social projection and an idle stack between phases. */
  settle(): Promise<void>;
}

export interface LoadResult {
  counts: Loaded['counts'];
  seconds: number;
  writeDatabaseSize: string;
  personaFeedPosts: Record<string, number>;
  usage: PhaseUsage;
}

export interface BuildResult extends BulkBuildResult {
  usage: PhaseUsage;
  vacuumSeconds: number;
}

export interface CollectionStorage {
  count: number;
  bsonBytes: number;
  sizeBytes: number;
  storageBytes: number;
  indexBytes: number;
  source: string;
}

export interface StorageResult {
  collections: Record<string, CollectionStorage>;
  perUserBytes: Record<'feedBson' | 'allBson' | 'feedDocuments' | 'feedOnDisk' | 'allDocuments' | 'allOnDisk', number>;
}

export type GroupSummary = Summary & { ratePerSec: number; maxInFlight: number; schedulerLateP99Ms: number };

export interface PageReads {
  rate: number;
  seconds: number;
  groups: Record<string, GroupSummary>;
  usage: PhaseUsage;
  cpuMsPerRequest: Record<'web' | 'ferretdb' | 'readPostgres' | 'bench', number>;
  ratio5000to10?: number;
}

export interface LagClass {
  posts: number;
  followersAvg: number;
  followersMax: number;
  notVisibleInTime: number;
  lagMs: { p50: number; p95: number; p99: number; max: number };
  sampledLagMs: { exactForAllFollowers: boolean; n: number; p50: number; p95: number; p99: number; max: number };
  commandP99Ms: number;
  sampledFollowersVerified: number;
  sampledFollowersMissing: number;
}

export interface LagSample {
  cls: string;
  author: number;
  followers: number;
  lagMs: number | null;
  sampledMs: number | null;
  exact: boolean;
  commandMs: number;
  verified: number;
  missing: number;
  postId: string;
}

export interface WriteCost {
  byClass: Record<string, { documentsPerPost: number; msPerFanOutWrite: number | null }>;
  documentsWritten: number;
  cpuMsPerDocument: number;
  note: string;
}

export interface LagResult {
  label: string;
  byClass: Record<string, LagClass>;
  samples: LagSample[];
  usage: PhaseUsage;
  writeCost: WriteCost;
}

export interface CelebrityResult {
  label: string;
  celebrityFollowers: number;
  celebrityLagMs: number | string;
  ordinaryFollowers: number;
  ordinaryLagMs: number | string;
  ordinaryAllFollowersHeadsMs: number | string;
  wallSeconds: number;
  usage: PhaseUsage;
}

export interface StrategyResult {
  build?: BuildResult;
  storage?: StorageResult;
  deepPage?: PageReads;
  firstPage?: PageReads;
  deepPageCursors?: Record<string, { reached: (number | null)[]; withCursor: number }>;
  firstPageStats?: Record<string, { firstPage: unknown; deepPage: number }>;
  unloaded?: Record<string, { n: number; p50: number; p95: number; max: number }>;
  lag?: LagResult;
  celebrity?: CelebrityResult;
  /** A failed scenario's stack trace: the others still ran. */
  error?: string;
  lagError?: string;
  celebrityError?: string;
}

export interface FeedReport extends RunRecord {
  config: FeedSettings;
  targets: typeof feedTargets;
  plan: LoadPlan;
  setup: Record<string, string>;
  results: { load: LoadResult; strategies: Partial<Record<Strategy, StrategyResult>> };
  phases: PhaseUsage[];
  rssPeakMb: Record<string, number>;
  verdicts: Verdict[];
  /** The earlier full-size run, shown beside this one when this run is smaller. */
  earlier?: { file: string; report: EarlierRun };
  findings?: string;
}

/** What a report keeps of an earlier run to show beside its own numbers. */
export type EarlierRun = Pick<FeedReport, 'generatedAt' | 'provenance' | 'plan' | 'config' | 'machine' | 'verdicts'>;
