import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../console/src/router.ts';

describe('console routes', () => {
  it('reads the four views from the hash, and anything else as Text', () => {
    expect(parseRoute('#images')).toEqual({ name: 'images' });
    expect(parseRoute('#history')).toEqual({ name: 'history' });
    expect(parseRoute('#job/01d08c5a-244c')).toEqual({ name: 'job', argument: '01d08c5a-244c' });
    for (const hash of ['', '#', '#text', '#job', '#nonsense']) expect(parseRoute(hash)).toEqual({ name: 'text' });
  });

  it('writes hashes that read back the same, ids escaped', () => {
    for (const route of [{ name: 'history' as const }, { name: 'job' as const, argument: 'a/b c' }]) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(routeHash({ name: 'job', argument: 'a/b c' })).toBe('#job/a%2Fb%20c');
  });
});
