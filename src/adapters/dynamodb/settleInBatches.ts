/** Runs the tasks, at most `width` at a time, and waits for every one to settle. */
export async function settleInBatches(
  tasks: readonly (() => Promise<void>)[],
  width: number,
): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = [];
  for (let start = 0; start < tasks.length; start += width) {
    results.push(...(await Promise.allSettled(tasks.slice(start, start + width).map((task) => task()))));
  }
  return results;
}
