/** The views the address can name: #text, #images, #history, #job/<id>. */
export type RouteName = 'text' | 'images' | 'history' | 'job';

export interface Route {
  name: RouteName;
  argument?: string;
}

/** Reads a hash; anything unknown is the Text view. */
export function parseRoute(hash: string): Route {
  const [name = '', ...rest] = hash.replace(/^#/, '').split('/');
  if (name === 'job' && rest.length > 0) return { name: 'job', argument: decodeURIComponent(rest.join('/')) };
  if (name === 'images' || name === 'history') return { name };
  return { name: 'text' };
}

export function routeHash(route: Route): string {
  return route.argument === undefined ? `#${route.name}` : `#${route.name}/${encodeURIComponent(route.argument)}`;
}

/**
 * Splits `#token=...` out of a hash whose other `&`-separated parts (a view, `#history` say) stay:
 * `#history&token=abc` gives `{ token: 'abc', rest: '#history' }`.
 */
export function splitTokenFromHash(hash: string): { token?: string; rest: string } {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '');
  const tokenPart = parts.find((part) => part.startsWith('token='));
  const others = parts.filter((part) => !part.startsWith('token='));
  const rest = others.length > 0 ? `#${others.join('&')}` : '';
  const token = tokenPart === undefined ? undefined : decodeOrKeep(tokenPart.slice('token='.length));
  return token ? { token, rest } : { rest };
}

/** A malformed escape (a lone `%`) is kept as typed: the server then simply refuses the token. */
function decodeOrKeep(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
