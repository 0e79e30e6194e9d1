/** Runs `fn` over `items` with at most `limit` calls in flight (the read store's sweet spot is ~8). */
export async function forEachConcurrent<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
