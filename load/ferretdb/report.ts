/** Renders docs/reports/ferretdb-backends.md from the FerretDB backend bench's JSON (see load/bench-ferretdb.ts). */
import { runHeader, type RunRecord } from '../harness/markdown';
import { rerenderWhenRun } from '../harness/report';
import type { OpResult } from './workload';

export type Variant = 'sqlite' | 'pg-shared' | 'pg-dedicated';
export const VARIANTS: Record<Variant, string> = {
  sqlite: 'SQLite',
  'pg-shared': 'PostgreSQL, write cluster',
  'pg-dedicated': 'PostgreSQL, own cluster',
};

export interface FloodRun {
  alone: OpResult;
  writes: OpResult;
  readsPerSec: number;
}

export interface FerretdbReport extends RunRecord {
  config: { seconds: number; concurrency: number; insertConcurrency: number; writeRate: number; docs: number; floodReaders: number };
  cpuModel: string;
  node: string;
  /** Per access pattern, per variant. */
  results: Record<string, Partial<Record<Variant, OpResult>>>;
  writesAlone: OpResult;
  floods: Record<Variant, { normal: FloodRun; niced: FloodRun }>;
}

export function renderFerretdbMarkdown(r: FerretdbReport): string {
  const { config: c, results, writesAlone: alone, floods } = r;
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const variants = Object.keys(VARIANTS) as Variant[];
  const cpu = (x: OpResult) => `${x.cpu.ferret.toFixed(1)}+${(x.cpu.readPg + x.cpu.writePg).toFixed(1)}`;
  const rows = Object.entries(results).map(
    ([name, x]) => `| ${name} | ${variants.map((v) => `${f(x[v]!.opsPerSec)} | ${f(x[v]!.p50)} / ${f(x[v]!.p99)} | ${cpu(x[v]!)}`).join(' | ')} |`,
  );
  const fl = (label: string, x: FloodRun) =>
    `| ${label} | ${f(x.readsPerSec)} | ${f(x.alone.p95)} | ${f(x.writes.p50)} | ${f(x.writes.p95)} | ${f(x.writes.p99)} | ${(x.writes.p95 / x.alone.p95).toFixed(1)} | ${x.writes.cpu.writePg.toFixed(2)} | ${x.writes.errors} |`;
  const errors = Object.entries(results).flatMap(([n, x]) => variants.filter((v) => x[v]!.errors).map((v) => `- ${n}, ${VARIANTS[v]}: ${x[v]!.errors} errors`));
  return `# FerretDB v1.24.2 backends on Quadrant's read patterns

${runHeader(r, '`npm run bench:ferretdb` (load/bench-ferretdb.ts)').join('\n')}

Machine: ${r.machine[0].cpus} x ${r.cpuModel}, Node ${r.node}, embedded PostgreSQL 17.6, FerretDB v1.24.2 built
with CGO_ENABLED=0 (pure-Go SQLite). Variants: **SQLite**; **PostgreSQL, write cluster** = a separate
database \`ferretdb\` in the same PostgreSQL server as the write store; **PostgreSQL, own cluster** = a
second embedded PostgreSQL server used only by FerretDB (what \`make start\` runs, see decision 0002).

Closed loop, ${c.concurrency} operations in flight (insertMany: ${c.insertConcurrency}), ${c.seconds} s per row after a 1 s warm-up,
documents of ~300 bytes, indexes created through the driver on {userId:1} and {ownerId:1, at:-1}.
Latency in ms. CPU = cores used on average by FerretDB + by PostgreSQL (both clusters).

| pattern | ${variants.map((v) => `${VARIANTS[v]} ops/s | p50 / p99 | CPU`).join(' | ')} |
|---|${variants.map(() => '---|---|---|').join('')}
${rows.join('\n')}

(e) counts one insertMany of 1,000 documents as one operation. No errors unless listed below.
${errors.join('\n')}

## Write store under a read flood

Open-loop PostgreSQL commands (BEGIN; upsert a row; insert an event; COMMIT) at ${c.writeRate}/s for ${c.seconds} s on the
write cluster, latency from the scheduled send time (no coordinated omission). Each row: the writes alone,
then immediately the same writes while a separate process runs ${c.floodReaders} closed-loop readers alternating (a) and
(c) against FerretDB. The "nice 10" rows run the read store's processes (FerretDB, and the dedicated
cluster's postmaster and backends) at lower CPU priority. "write-cluster CPU" is the cores the write
server used during the flood: the read work that lands inside it. First baseline of the run, alone:
p50 ${f(alone.p50)}, p95 ${f(alone.p95)}, p99 ${f(alone.p99)} ms.

| read store | reads/s | p95 alone | write p50 | p95 | p99 | p95 / alone | write-cluster CPU | errors |
|---|---|---|---|---|---|---|---|---|
${variants.map((v) => fl(VARIANTS[v], floods[v].normal)).join('\n')}
${variants.map((v) => fl(`${VARIANTS[v]}, read store nice 10`, floods[v].niced)).join('\n')}
`;
}

// `npx tsx load/ferretdb/report.ts` re-renders the markdown from the JSON.
rerenderWhenRun(import.meta, 'ferretdb-backends', renderFerretdbMarkdown);
