import type pg from 'pg';
import type { ReadDb } from '@/db/mongo';
import { applyNewEvents } from './catch-up';
import { deleteCheckpoint, loadCheckpoint, saveCheckpoint } from './checkpoints';
import { compareCollections, isSame, type CollectionDiff } from './compare-collections';
import { comparePositions } from './consistency-token';
import type { Projector } from './projector';
import { liveGenerations, physicalName, storeFor, swapGenerations } from './read-models';

export interface RebuildOptions {
  /** Swap the rebuilt generation in. Without `force`, only when it equals the live one. */
  swap: boolean;
  /** Swap even if the shadow differs (a new projection shape is expected to differ). */
  force?: boolean;
  log?: (line: string) => void;
}

export interface RebuildResult {
  from: Record<string, number>;
  to: Record<string, number>;
  applied: number;
  diffs: Record<string, CollectionDiff>;
  swapped: boolean;
  ms: number;
}

/**
 * Replays the whole event log into a shadow generation (`<name>_v<N+1>`), then, holding the live
 * projection's lock so the two stand at the same point of the log, compares them document by
 * document and swaps the alias. Queries keep answering from the live generation throughout.
 */
export async function rebuildProjection(pool: pg.Pool, db: ReadDb, projector: Projector, opts: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const from = await liveGenerations(db, projector.collections);
  const to = Object.fromEntries(Object.entries(from).map(([name, g]) => [name, g + 1]));
  for (const [name, g] of Object.entries(to))
    await db
      .collection(physicalName(name, g))
      .drop()
      .catch(() => {});
  const shadow = storeFor(db, to);
  await projector.setup(shadow);
  const shadowId = `${projector.name}@rebuild`;
  await deleteCheckpoint(db, shadowId);

  const client = await pool.connect();
  try {
    log(
      `replaying the event log into ${Object.entries(to)
        .map(([n, g]) => physicalName(n, g))
        .join(', ')}`,
    );
    let { applied } = await applyNewEvents(client, db, projector, shadow, shadowId);
    log(`replayed ${applied} events; waiting for the live projection's lock`);
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [projector.name]);
    try {
      // Bring both to the same point of the log; new commits may land between the two passes.
      const live = storeFor(db, from);
      for (;;) {
        const liveAt = (await applyNewEvents(client, db, projector, live, projector.name)).checkpoint;
        const shadowRun = await applyNewEvents(client, db, projector, shadow, shadowId);
        applied += shadowRun.applied;
        if (comparePositions(liveAt, shadowRun.checkpoint) === 0) break;
      }
      const diffs: Record<string, CollectionDiff> = {};
      for (const name of projector.collections) {
        diffs[name] = await compareCollections(db.collection(physicalName(name, from[name])), db.collection(physicalName(name, to[name])));
        log(`${name}: ${diffs[name].compared} live documents, ${diffs[name].total} differences`);
      }
      const same = Object.values(diffs).every(isSame);
      const swapped = opts.swap && (same || opts.force === true);
      if (swapped) {
        await saveCheckpoint(db, projector.name, await loadCheckpoint(db, shadowId));
        await swapGenerations(db, to);
        log(`swapped: queries now read generation ${JSON.stringify(to)}`);
      }
      await deleteCheckpoint(db, shadowId);
      return { from, to, applied, diffs, swapped, ms: Date.now() - started };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [projector.name]);
    }
  } finally {
    client.release();
  }
}

/** Drops a generation that is no longer live (after queries had time to move off it). */
export async function dropGeneration(db: ReadDb, generations: Record<string, number>): Promise<void> {
  for (const [name, g] of Object.entries(generations))
    await db
      .collection(physicalName(name, g))
      .drop()
      .catch(() => {});
}
