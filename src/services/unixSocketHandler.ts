import { Agent } from 'node:http';
import { connect } from 'node:net';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * An SDK request handler whose every connection goes to the Unix socket at `socketPath` (kept alive), for a
 * client of a store started with `socketPath` (local/s3, local/dynamodb); its endpoint's host is only a name.
 */
export function unixSocketHandler(socketPath: string): NodeHttpHandler {
  const httpAgent = new Agent({ keepAlive: true });
  httpAgent.createConnection = () => connect(socketPath);
  return new NodeHttpHandler({ httpAgent });
}
