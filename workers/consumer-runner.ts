import { comparePositions, type LogPosition } from '@/server/cqrs/consistency-token';
import type { LogConsumer } from './log-consumers';

export interface ConsumerStats {
  applied: number;
  lastError: string | null;
  lastErrorAt: Date | null;
}

const WAIT_FOR_OTHER_WORKER_MS = 10_000;

/**
 * Runs every consumer's catch-up (projectors and reactors alike), coalescing triggers: however
 * many notifications arrive during a pass, at most one more pass follows, and it sees everything
 * committed before it started.
 */
export class ConsumerRunner {
  readonly stats = new Map<string, ConsumerStats>();
  private running: Promise<void> | null = null;
  private again = false;

  constructor(readonly consumers: LogConsumer[]) {
    for (const c of consumers) this.stats.set(c.name, { applied: 0, lastError: null, lastErrorAt: null });
  }

  async setup(): Promise<void> {
    for (const c of this.consumers) await c.setup();
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

  /**
   * For a job of `queue`: resolves once each consumer of that queue is at or past `token`, throws
   * if one cannot get there. Consumers of other queues (other contexts) do not matter to it.
   */
  async ensureCaughtUpTo(queue: string, token: LogPosition): Promise<void> {
    await this.trigger();
    const deadline = Date.now() + WAIT_FOR_OTHER_WORKER_MS;
    for (const c of this.consumers.filter((c) => c.queue === queue)) {
      for (;;) {
        const stats = this.stats.get(c.name)!;
        if (comparePositions(await c.checkpoint(), token) >= 0) break;
        if (stats.lastError) throw new Error(stats.lastError);
        // Another worker holds this consumer's lock and is catching up: give it time.
        if (Date.now() > deadline) throw new Error(`${c.name} did not reach ${token.transactionId}.${token.position} in time`);
        await new Promise((r) => setTimeout(r, 50));
        await this.trigger();
      }
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      // Side by side: a big social fan-out or a failing consumer does not hold back the others.
      await Promise.all(this.consumers.map((c) => this.catchUpOne(c)));
    } while (this.again);
  }

  private async catchUpOne(consumer: LogConsumer): Promise<void> {
    const stats = this.stats.get(consumer.name)!;
    try {
      const result = await consumer.catchUp();
      if (result.ran) {
        stats.applied += result.applied;
        stats.lastError = null;
      }
    } catch (err) {
      stats.lastError = err instanceof Error ? err.message : String(err);
      stats.lastErrorAt = new Date();
      console.error(`[${consumer.kind}] ${stats.lastError}`);
    }
  }
}
