import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64url } from '../../../src/client/base64url.ts';

// base64url is written for browsers (TextEncoder + btoa); Node's Buffer is the independent reference.

describe('base64url', () => {
  it("equals Node's base64url of the UTF-8 bytes, for any string", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (text) => base64url(text) === Buffer.from(text, 'utf8').toString('base64url'),
      ),
    );
  });

  it('uses the URL alphabet without padding, as a WebSocket subprotocol token needs', () => {
    // '>>>' and '???' encode to '+' and '/' in plain base64; one and two bytes need padding there.
    for (const text of ['>>>', '???', 'a', 'ab', '{"host":"127.0.0.1:4000"}', 'Zürich ✓']) {
      expect(base64url(text)).toMatch(/^[A-Za-z0-9_-]*$/);
    }
    expect(base64url('>>>?')).toBe('Pj4-Pw');
  });
});
