import { z } from 'zod';

/** Process settings, validated once; every knob has a safe local default. */
const schema = z.object({
  DATABASE_URL: z.string().default('postgres://postgres:postgres@127.0.0.1:54329/quadrant'),
  MONGODB_URL: z.string().default('mongodb://127.0.0.1:27029/'),
  MONGODB_DB: z.string().default('quadrant'),
  NEXTAUTH_SECRET: z.string().default('quadrant-local-development-secret-change-me'),
  /** Bearer tokens from POST /api/auth/token live this long. */
  TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
  /**
   * Failed sign-ins before 429 (decision 0009), so nobody can lock out someone else: few per
   * account from one client, many per account from all clients (a short window), many per client.
   */
  AUTH_MAX_FAILURES_PER_ACCOUNT_CLIENT: z.coerce.number().int().positive().default(5),
  AUTH_ACCOUNT_CLIENT_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  AUTH_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
  AUTH_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  AUTH_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().positive().default(100),
  AUTH_CLIENT_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  /** Public commands (open sign-up) per client address within the window before 429. */
  PUBLIC_COMMANDS_PER_CLIENT: z.coerce.number().int().positive().default(20),
  PUBLIC_COMMANDS_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR, comma-separated); none by default. */
  TRUSTED_PROXIES: z.string().default(''),
  /** How long a query carrying a consistency token waits for its projection. */
  CONSISTENCY_WAIT_MS: z.coerce.number().int().nonnegative().default(2000),
  PG_POOL_SIZE: z.coerce.number().int().positive().default(20),
  /** Feed strategy (docs/reports/feed-push-vs-pull.md): hybrid pushes ordinary authors, pulls big ones. */
  SOCIAL_FEED_STRATEGY: z.enum(['push', 'pull', 'hybrid']).default('hybrid'),
  /** Hybrid only: an author with this many followers is merged at read time instead of fanned out. */
  SOCIAL_PULL_THRESHOLD: z.coerce.number().int().positive().default(1000),
  QUADRANT_DEMO: z.string().optional(),
});

export type Env = z.infer<typeof schema>;
export const env: Env = schema.parse(process.env);
