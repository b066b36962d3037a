import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, splitTokenFromHash } from '../../../console/src/router.ts';

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

  it('takes the console token out of the hash and keeps the view', () => {
    expect(splitTokenFromHash('#token=Ab-_9')).toEqual({ token: 'Ab-_9', rest: '' });
    expect(splitTokenFromHash('#history&token=Ab-_9')).toEqual({ token: 'Ab-_9', rest: '#history' });
    expect(splitTokenFromHash('#token=Ab-_9&job/01d08c5a')).toEqual({ token: 'Ab-_9', rest: '#job/01d08c5a' });
    expect(parseRoute(splitTokenFromHash('#token=x&job/a%2Fb').rest)).toEqual({ name: 'job', argument: 'a/b' });
    expect(splitTokenFromHash('#token=%zz')).toEqual({ token: '%zz', rest: '' });
    for (const hash of ['', '#', '#history', '#token=']) expect(splitTokenFromHash(hash).token).toBeUndefined();
    expect(splitTokenFromHash('#history').rest).toBe('#history');
  });
});
