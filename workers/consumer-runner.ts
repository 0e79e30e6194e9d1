import type pg from 'pg';
import type { ReadDb } from '@/db/mongo';
import { catchUp } from '@/server/cqrs/catch-up';
import { loadCheckpoint } from '@/server/cqrs/checkpoints';
import { comparePositions, type LogPosition } from '@/server/cqrs/consistency-token';
import type { Projector } from '@/server/cqrs/projector';
import { liveGenerations, storeFor } from '@/server/cqrs/read-models';

export interface ProjectorStats {
  applied: number;
  lastError: string | null;
  lastErrorAt: Date | null;
}

const WAIT_FOR_OTHER_WORKER_MS = 10_000;

/**
 * Runs every projector's catch-up, coalescing triggers: however many notifications arrive during
 * a pass, at most one more pass follows, and it sees everything committed before it started.
 */
export class ProjectionRunner {
  readonly stats = new Map<string, ProjectorStats>();
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly db: ReadDb,
    readonly projectors: Projector[],
  ) {
    for (const p of projectors) this.stats.set(p.name, { applied: 0, lastError: null, lastErrorAt: null });
  }

  /** Creates the live generations' indexes. */
  async setup(): Promise<void> {
    for (const p of this.projectors) await p.setup(storeFor(this.db, await liveGenerations(this.db, p.collections)));
  }

  /** Starts a pass, or asks the running one to go again; resolves when no pass is pending. */
  trigger = (): Promise<void> => {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  };

  /** For a job: resolves once every projector is at or past `token`, throws if one cannot get there. */
  async ensureCaughtUpTo(token: LogPosition): Promise<void> {
    await this.trigger();
    const deadline = Date.now() + WAIT_FOR_OTHER_WORKER_MS;
    for (const p of this.projectors) {
      for (;;) {
        const stats = this.stats.get(p.name)!;
        if (comparePositions(await loadCheckpoint(this.db, p.name), token) >= 0) break;
        if (stats.lastError) throw new Error(stats.lastError);
        // Another worker holds this projection's lock and is catching up: give it time.
        if (Date.now() > deadline) throw new Error(`${p.name} did not reach ${token.transactionId}.${token.position} in time`);
        await new Promise((r) => setTimeout(r, 50));
        await this.trigger();
      }
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      // Projectors run side by side: a big social fan-out does not hold back the events catalog.
      await Promise.all(this.projectors.map((p) => this.catchUpOne(p)));
    } while (this.again);
  }

  private async catchUpOne(projector: Projector): Promise<void> {
    const stats = this.stats.get(projector.name)!;
    try {
      const result = await catchUp(this.pool, this.db, projector, async () => storeFor(this.db, await liveGenerations(this.db, projector.collections)));
      if (result.ran) {
        stats.applied += result.applied;
        stats.lastError = null;
      }
    } catch (err) {
      stats.lastError = err instanceof Error ? err.message : String(err);
      stats.lastErrorAt = new Date();
      console.error(`[projection] ${stats.lastError}`);
    }
  }
}
