import { describe, expect, it } from 'vitest';
import { QueryCache } from '../../../../local/graphql/QueryCache.ts';

const options = { maxBytes: 100, maxQueryLength: 20, maxEntries: 10 };

describe('QueryCache', () => {
  it('keeps the bytes it holds under the budget, evicting the least recently used first', () => {
    const cache = new QueryCache<number>(options);
    cache.set('a', 1, 40);
    cache.set('b', 2, 40);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3, 40);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.bytes).toBe(80);
  });

  it('never stores a query over the length cap, or an entry that alone exceeds the budget', () => {
    const cache = new QueryCache<number>(options);
    cache.set('x'.repeat(21), 1, 1);
    cache.set('big', 2, 101);
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
    cache.set('x'.repeat(20), 3, 1);
    expect(cache.size).toBe(1);
  });

  it('bounds the entries by count too, and re-storing a query replaces its cost', () => {
    const cache = new QueryCache<number>({ ...options, maxEntries: 2 });
    cache.set('a', 1, 10);
    cache.set('a', 1, 30);
    expect(cache.bytes).toBe(30);
    cache.set('b', 2, 10);
    cache.set('c', 3, 10);
    expect([cache.get('a'), cache.size, cache.bytes]).toEqual([undefined, 2, 20]);
  });
});
