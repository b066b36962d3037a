import type { AppSyncRealtimeError } from './errors.ts';

export type DecodedAuthHeader =
  | { ok: true; auth: Record<string, string>; source: 'subprotocol' | 'query' }
  | { ok: false; error: AppSyncRealtimeError };

const SUBPROTOCOL_PREFIX = 'header-';

/**
 * Reads the connect-time auth object AppSync clients send, in either of the two accepted forms:
 * a `header-<base64url, no padding>` subprotocol (Amplify JS v6, aws-appsync-subscription-link 3+) or the
 * documented `?header=<base64 JSON>&payload=<base64 {}>` query string. The subprotocol wins when both exist,
 * because it is what current clients send and a proxy may add query parameters.
 */
export function decodeAuthHeader(url: string | undefined, subprotocols: readonly string[]): DecodedAuthHeader {
  const fromProtocol = subprotocols.find((p) => p.startsWith(SUBPROTOCOL_PREFIX));
  if (fromProtocol !== undefined) return decode(fromProtocol.slice(SUBPROTOCOL_PREFIX.length), 'subprotocol');
  const query = new URL(url ?? '/', 'http://localhost').searchParams.get('header');
  // Clients put raw base64 in the URL without escaping it, so a '+' arrives as a space.
  if (query !== null) return decode(query.replace(/ /g, '+'), 'query');
  return {
    ok: false,
    error: { errorType: 'UnauthorizedException', message: 'Missing authorization header', errorCode: 401 },
  };
}

function decode(encoded: string, source: 'subprotocol' | 'query'): DecodedAuthHeader {
  // Node's base64 decoder takes both alphabets (standard and URL-safe) with or without padding.
  const auth = parseStringRecord(Buffer.from(encoded, 'base64').toString('utf8'));
  return auth
    ? { ok: true, auth, source }
    : {
        ok: false,
        error: {
          errorType: 'BadRequestException',
          message: 'Authorization header is not base64-encoded JSON',
          errorCode: 400,
        },
      };
}

function parseStringRecord(text: string): Record<string, string> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === 'string')
    ? (Object.fromEntries(entries) as Record<string, string>)
    : undefined;
}
