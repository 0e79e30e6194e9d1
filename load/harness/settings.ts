/** Small helpers every benchmark uses to read its knobs (BENCH_* environment variables) and pace itself. */
export const num = (name: string, dflt: number) => (process.env[name] ? Number(process.env[name]) : dflt);
export const flag = (name: string) => process.env[name] === '1';
export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs fn(0..n-1) with at most `concurrency` calls in flight. */
export async function pooled(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}
