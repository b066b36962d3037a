/** `https://<id>.appsync-api.<region>.amazonaws.com[.cn]/...`: AppSync's own domain, whose real-time host differs. */
const APPSYNC_API_HOST = /^([^.]+)\.appsync-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/i;

/**
 * The real-time endpoint for a GraphQL URL, derived as Amplify and aws-appsync-subscription-link do:
 * AppSync's domain -> `wss://<id>.appsync-realtime-api.<region>.amazonaws.com/graphql`; any other host
 * (custom domains, the local API) -> the URL plus `/realtime`, with http -> ws and https -> wss.
 */
export function realtimeUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  const appSync = APPSYNC_API_HOST.exec(url.hostname);
  if (appSync)
    return `wss://${appSync[1]}.appsync-realtime-api.${appSync[2]}.amazonaws.com${appSync[3] ?? ''}${url.pathname}`;
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/$/, '')}/realtime`;
  return url.toString();
}
