/**
 * Runs `task(0) … task(count - 1)` with at most `limit` running at once, each runner taking the next
 * index when it finishes one: work starts only when a slot frees, so memory stays bounded however
 * many items there are. `task` must handle its own errors; the first one it lets through rejects.
 */
export async function runPool(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, runner));
}
