import type { ReadDb } from '@/db/mongo';
import { loadCheckpoint } from '@/server/cqrs/checkpoints';

const POLL_MS = 250;

type Listener = () => void;

/**
 * One poll of a projection's checkpoint per web process, however many streams listen: a change
 * wakes every listener. Polling the read store keeps the query side free of PostgreSQL.
 */
export function checkpointWatcher(db: () => Promise<ReadDb>, projection: string) {
  const listeners = new Set<Listener>();
  let timer: NodeJS.Timeout | null = null;
  let last = '';
  const poll = async () => {
    try {
      const at = await loadCheckpoint(await db(), projection);
      const now = `${at.transactionId}.${at.position}`;
      if (now !== last) {
        last = now;
        for (const l of listeners) l();
      }
    } catch {
      // The read store is briefly unreachable: try again on the next tick.
    } finally {
      timer = listeners.size ? setTimeout(poll, POLL_MS) : null;
    }
  };
  const subscribe = (listener: Listener): (() => void) => {
    listeners.add(listener);
    if (!timer) timer = setTimeout(poll, 0);
    return () => listeners.delete(listener);
  };
  return {
    subscribe,
    /**
     * The moves as an async iterable, from now until `signal` aborts. A move that comes while the
     * consumer is busy is kept (one pending tick), so the consumer's next wait returns at once.
     */
    changes(signal: AbortSignal): AsyncIterable<void> {
      let pending = false;
      let wake: (() => void) | null = null;
      const unsubscribe = subscribe(() => {
        pending = true;
        wake?.();
      });
      const stop = () => {
        unsubscribe();
        wake?.();
      };
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
      return {
        async *[Symbol.asyncIterator]() {
          while (!signal.aborted) {
            if (!pending) await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            if (signal.aborted) return;
            pending = false;
            yield;
          }
        },
      };
    },
  };
}
