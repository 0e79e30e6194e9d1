/**
 * The read flood of the FerretDB backend bench, in its own process so its JavaScript does not delay
 * the write timer loop: 20 readers alternating pattern (a) and (c) until SIGTERM, then it prints the
 * number of reads it completed. Started by ../bench-ferretdb.ts: `tsx read-flood.ts <mongodb url>`.
 */
import { MongoClient } from 'mongodb';
import { type BenchDoc, DOCS } from './workload';

export const FLOOD_READERS = 20;

async function flood(url: string) {
  const client = new MongoClient(url, { maxPoolSize: 50 });
  const col = client.db('bench').collection<BenchDoc>('docs');
  let reads = 0;
  let running = true;
  process.once('SIGTERM', () => (running = false));
  const rnd = () => Math.floor(Math.random() * DOCS);
  await Promise.all(
    Array.from({ length: FLOOD_READERS }, async (_, k) => {
      while (running) {
        await (k % 2
          ? col.findOne({ _id: `d${rnd()}` })
          : col
              .find({ ownerId: `o${rnd() % 5}` })
              .sort({ at: -1 })
              .limit(20)
              .toArray()
        ).catch(() => {});
        reads++;
      }
    }),
  );
  await client.close();
  process.stdout.write(`${reads}\n`);
}

if (process.argv[1] && import.meta.filename.endsWith(process.argv[1].split('/').pop()!)) void flood(process.argv[2]!);
