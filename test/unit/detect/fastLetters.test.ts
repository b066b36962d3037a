import { describe, expect, it } from 'vitest';
import { fastLetters } from '../../../src/detect/fastLetters.ts';

describe('fastLetters', () => {
  it('matches what \\p{L} matches for names in many scripts, outside and inside classes', () => {
    const slow = /(?:^|\s)(\p{L}[\p{L}'’-]*)/gu;
    const fast = fastLetters(slow);
    expect(fast.flags).not.toContain('u');
    const text = "Łukasz O'Neill Jesús Ñúñez Дмитрий Σοφία 李小龙 محمد Nguyễn";
    expect([...text.matchAll(fast)].map((m) => m[1])).toEqual([...text.matchAll(slow)].map((m) => m[1]));
  });

  it('keeps punctuation and digits out of letters', () => {
    const fast = fastLetters(/\p{L}+/gu);
    expect('a–b…c”d'.match(fast)).toEqual(['a', 'b', 'c', 'd']);
    expect(fastLetters(/[\p{N}]+/gu).exec('x42y')?.[0]).toBe('42');
  });
});
