import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/core/decodeBase64.ts';

describe('decodeBase64', () => {
  it('decodes every byte value as Node does, with each padding length', () => {
    // Prepare: all 256 byte values, then lengths that end with two, one and no padding characters.
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const bytes of [all, all.subarray(0, 254), all.subarray(0, 255), new Uint8Array(0)]) {
      const base64 = Buffer.from(bytes).toString('base64');
      // Act
      const decoded = decodeBase64(base64);
      // Assess
      expect(decoded).toBeInstanceOf(Uint8Array);
      expect([...decoded]).toEqual([...bytes]);
    }
  });

  it('refuses text outside the base64 alphabet', () => {
    expect(() => decodeBase64('not base64!')).toThrow();
  });
});
