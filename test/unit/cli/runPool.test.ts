import { describe, expect, it } from 'vitest';
import { runPool } from '../../../src/cli/imageBatch/runPool.ts';

describe('runPool', () => {
  it('runs every index once with at most `limit` at a time, starting each as a slot frees', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await runPool(10, 3, async (i) => {
      running++;
      most = Math.max(most, running);
      seen.push(i);
      await new Promise((resolve) => setTimeout(resolve, (i % 3) + 1));
      running--;
    });
    expect(most).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await runPool(0, 4, async () => void calls++);
    expect(calls).toBe(0);
  });
});
