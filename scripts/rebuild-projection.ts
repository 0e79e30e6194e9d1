import { pool } from '@/db/client';
import { closeReadDb, readDb } from '@/db/mongo';
import { allProjectors } from '@/server/contexts';
import { dropGeneration, rebuildProjection } from '@/server/cqrs/rebuild-projection';

// Queries cache the alias for a second; give in-flight reads time before dropping the old data.
const GRACE_MS = 5000;

/**
 * npm run projections:rebuild -- <name> [--dry-run] [--force] [--keep-old]
 * Rebuilds a projection from the event log into a shadow generation, checks it against the live
 * one and swaps it in while queries keep answering.
 */
async function main() {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--'));
  const projector = allProjectors.find((p) => p.name === name);
  if (!projector) {
    console.error(
      `usage: npm run projections:rebuild -- <name> [--dry-run] [--force] [--keep-old]\nprojections: ${allProjectors.map((p) => p.name).join(', ')}`,
    );
    process.exit(2);
  }
  const db = await readDb();
  const result = await rebuildProjection(pool(), db, projector, {
    swap: !args.includes('--dry-run'),
    force: args.includes('--force'),
    log: (line) => console.log(`rebuild ${projector.name}: ${line}`),
  });
  if (!result.swapped) {
    await dropGeneration(db, result.to);
    const why = args.includes('--dry-run') ? 'dry run' : 'the rebuilt read model differs from the live one (use --force to swap anyway)';
    console.log(`rebuild ${projector.name}: not swapped: ${why}`);
    console.log(JSON.stringify(result.diffs, null, 2));
  } else if (!args.includes('--keep-old')) {
    await new Promise((r) => setTimeout(r, GRACE_MS));
    await dropGeneration(db, result.from);
  }
  console.log(`rebuild ${projector.name}: ${result.applied} events in ${result.ms} ms`);
  await closeReadDb();
  await pool().end();
  process.exit(result.swapped || args.includes('--dry-run') ? 0 : 1);
}

main().catch((err) => {
  console.error('rebuild failed:', err);
  process.exit(1);
});
