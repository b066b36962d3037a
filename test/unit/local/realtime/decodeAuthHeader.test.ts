import { describe, expect, it } from 'vitest';
import { decodeAuthHeader } from '../../../../local/realtime/index.ts';

// '>>>' encodes to 'Pj4+' in standard base64: a '+' that arrives as a space when not URL-escaped.
const auth = { host: 'api.example.com', Authorization: '>>>?' };
const standard = Buffer.from(JSON.stringify(auth)).toString('base64');
const urlSafe = Buffer.from(JSON.stringify(auth)).toString('base64url');

describe('decodeAuthHeader', () => {
  it('reads the header- subprotocol (base64url, no padding)', () => {
    expect(decodeAuthHeader('/graphql/realtime', ['graphql-ws', `header-${urlSafe}`])).toEqual({
      ok: true,
      auth,
      source: 'subprotocol',
    });
  });

  it('reads the header query parameter, unescaped standard base64 included', () => {
    expect(standard).toMatch(/[+/]/);
    const url = `/graphql/realtime?header=${standard}&payload=e30=`;

    expect(decodeAuthHeader(url, ['graphql-ws'])).toEqual({ ok: true, auth, source: 'query' });
    expect(decodeAuthHeader(`/graphql/realtime?header=${encodeURIComponent(standard)}`, [])).toMatchObject({
      ok: true,
      auth,
    });
  });

  it('prefers the subprotocol when both are present', () => {
    const other = Buffer.from(JSON.stringify({ host: 'other' })).toString('base64');

    expect(decodeAuthHeader(`/graphql/realtime?header=${other}`, [`header-${urlSafe}`])).toMatchObject({
      source: 'subprotocol',
      auth,
    });
  });

  it.each([
    ['missing', '/graphql/realtime', [], 'UnauthorizedException'],
    ['not JSON', '/graphql/realtime?header=bm90IGpzb24', [], 'BadRequestException'],
    ['a JSON array', `/graphql/realtime?header=${Buffer.from('[]').toString('base64')}`, [], 'BadRequestException'],
    [
      'non-string values',
      '/graphql/realtime',
      [`header-${Buffer.from('{"host":1}').toString('base64url')}`],
      'BadRequestException',
    ],
  ])('refuses a header that is %s', (_name, url, protocols, errorType) => {
    expect(decodeAuthHeader(url, protocols)).toMatchObject({ ok: false, error: { errorType } });
  });
});
