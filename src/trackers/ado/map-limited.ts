// Runs `fn` over `items` with at most `limit` calls in flight, results in input order. Batch reads
// are independent, so they overlap; the bound keeps one viewer from tripping the service's
// throttling with dozens of simultaneous requests.
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
