import type { HdmCredentials } from './HdmCredentials.ts';
import { signRequest } from './signRequest.ts';

/** The headers AppSync clients sign for the connect auth object and for each start. */
const REALTIME_HEADERS = {
  accept: 'application/json, text/javascript',
  'content-encoding': 'amz-1.0',
  'content-type': 'application/json; charset=UTF-8',
};

export interface RealtimeAuthorizationOptions {
  /** The GraphQL URL (not the real-time one): its host and path are what AppSync checks. */
  graphqlUrl: string;
  region: string;
  credentials: HdmCredentials;
}

/**
 * AppSync's IAM auth object for the real-time protocol: `{accept, content-encoding, content-type, host,
 * x-amz-date, X-Amz-Security-Token?, Authorization}`, spelled as Amplify spells it. `what` 'connect' signs a
 * virtual POST to `<graphqlUrl>/connect` with body `{}`; a start's `data` string signs a POST to the GraphQL URL.
 */
export async function realtimeAuthorization(
  options: RealtimeAuthorizationOptions,
  what: 'connect' | { data: string },
): Promise<Record<string, string>> {
  const [url, body] =
    what === 'connect' ? [`${options.graphqlUrl.replace(/\/$/, '')}/connect`, '{}'] : [options.graphqlUrl, what.data];
  const signed = await signRequest({
    url,
    region: options.region,
    credentials: options.credentials,
    body,
    headers: REALTIME_HEADERS,
  });
  const { authorization, 'x-amz-security-token': sessionToken, ...rest } = signed;
  return {
    ...rest,
    ...(sessionToken ? { 'X-Amz-Security-Token': sessionToken } : {}),
    Authorization: authorization ?? '',
  };
}
