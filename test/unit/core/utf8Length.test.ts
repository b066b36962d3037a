import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../../src/core/utf8Length.ts';

describe('utf8Length', () => {
  it('equals the length of the UTF-8 encoding, astral characters and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: 500 },
    );
    expect(utf8Length('a é 中 😀')).toBe(new TextEncoder().encode('a é 中 😀').length);
  });
});
