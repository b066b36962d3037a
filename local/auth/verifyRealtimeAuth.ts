import { SignatureMismatchError } from './errors.ts';
import type { VerifiedCaller } from './identityOf.ts';
import { verifySigV4, type VerifySigV4Options } from './verifySigV4.ts';

/** The path a real-time client signs on connect (`<graphql endpoint>` + `/connect`), with body `{}`. */
export const REALTIME_CONNECT_PATH = '/graphql/connect';
/** The path a real-time client signs on `start`, with the `data` string as body. */
export const REALTIME_START_PATH = '/graphql';

/**
 * Verifies the IAM auth object of AppSync's real-time protocol: the JSON a client puts in the `header`
 * query parameter, in a `header-<base64url>` subprotocol, or in `start.payload.extensions.authorization`.
 * It is a SigV4 signature over a virtual `POST https://<auth.host><canonicalPath>` whose headers are the
 * object's own entries (`host`, `x-amz-date`, `accept`, `content-encoding`, `content-type`,
 * `X-Amz-Security-Token`, any case) and whose body is `body` (`{}` on connect, the `data` string on start).
 * The host is the one inside the object, as AppSync checks it, not the socket's Host header.
 *
 * `canonicalPath` may list several paths; the first that verifies wins. Both Amplify JS v6 and
 * aws-appsync-subscription-link 4 sign `/graphql/connect` on connect (see README.md).
 */
export function verifyRealtimeAuth(
  auth: Record<string, string>,
  body: string,
  canonicalPath: string | readonly string[],
  options: VerifySigV4Options,
): VerifiedCaller {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(auth)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  const paths = typeof canonicalPath === 'string' ? [canonicalPath] : canonicalPath;
  let mismatch: SignatureMismatchError | undefined;
  for (const path of paths) {
    try {
      return verifySigV4({ method: 'POST', path, headers, body }, options);
    } catch (error) {
      // Only a mismatch can depend on the path; any other failure is the same for every candidate.
      if (!(error instanceof SignatureMismatchError) || paths.length === 1) throw error;
      mismatch = error;
    }
  }
  throw mismatch ?? new SignatureMismatchError();
}
