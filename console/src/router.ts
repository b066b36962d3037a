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
