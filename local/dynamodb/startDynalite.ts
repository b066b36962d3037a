import { chmod } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import dynalite from 'dynalite';
import { prepareSocketPath } from '../server/unixSocket.ts';

export interface StartDynaliteOptions {
  /** LevelDB directory for data that outlives the process; omit for in-memory. One process per path. */
  path?: string;
  /**
   * Listen on this Unix socket instead of TCP (what the local API does: dynalite checks no signature, so a
   * loopback port would let every user of the machine Scan the table). A stale socket file is removed.
   */
  socketPath?: string;
  /** Without `socketPath`: the loopback port, default 0 (any free port). For tests. */
  port?: number;
  /**
   * Serve from a worker thread (default false): the same dynalite, off the caller's event loop. The local
   * API does this so DynamoDB work runs on the second core instead of queueing behind GraphQL requests.
   */
  thread?: boolean;
}

export interface RunningDynalite {
  /** `http://127.0.0.1:<port>`, or `http://localhost` on a socket (the host is then only a name). */
  endpoint: string;
  /** Set when listening on a Unix socket: clients connect here (see README). */
  socketPath?: string;
  /** Stops accepting requests, lets pending operations finish, closes the store. */
  close(): Promise<void>;
}

/** dynalite checks no signature: any static pair will do, but the SDK needs one to sign at all. */
export const LOCAL_DYNAMODB_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_DYNAMODB_REGION = 'us-east-1';

/**
 * Starts dynalite in this process, on a Unix socket or on loopback. Tables are ACTIVE at once (no 500 ms
 * CREATING). Never start two on the same `path`: dynalite's LevelDB crashes the process (see README).
 */
export async function startDynalite(options: StartDynaliteOptions = {}): Promise<RunningDynalite> {
  if (options.socketPath) await prepareSocketPath(options.socketPath);
  const running = options.thread ? await startDynaliteThread(options) : await startDynaliteHere(options);
  // The directory is 0700 already; the socket's own mode is a second lock on the same door.
  if (options.socketPath) await chmod(options.socketPath, 0o600);
  return running;
}

async function startDynaliteHere(options: StartDynaliteOptions): Promise<RunningDynalite> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const listening = () => {
      server.off('error', reject);
      resolve();
    };
    if (options.socketPath) server.listen(options.socketPath, listening);
    else server.listen(options.port ?? 0, '127.0.0.1', listening);
  });
  let closing: Promise<void> | undefined;
  return {
    ...where(options.socketPath, options.socketPath ? 0 : (server.address() as AddressInfo).port),
    close() {
      // SDK clients keep sockets alive; drop idle ones or close() waits for the clients to let go.
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

function where(socketPath: string | undefined, port: number): Pick<RunningDynalite, 'endpoint' | 'socketPath'> {
  return socketPath ? { endpoint: 'http://localhost', socketPath } : { endpoint: `http://127.0.0.1:${port}` };
}

export interface LocalDynamoDbClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Client settings for a local dynalite on TCP: its endpoint, a fixed region, the static local pair. Fits both
 * `new DynamoDBClient(...)` and `new DynamoDbJobStore({ tableName, ...config })`. On a socket, add a request
 * handler that connects to it (src/services/unixSocketHandler.ts does).
 */
export function localDynamoDbClientConfig(endpoint: string): LocalDynamoDbClientConfig {
  return { endpoint, region: LOCAL_DYNAMODB_REGION, credentials: { ...LOCAL_DYNAMODB_CREDENTIALS } };
}

async function startDynaliteThread(options: StartDynaliteOptions): Promise<RunningDynalite> {
  const workerData = { path: options.path, port: options.port ?? 0, socketPath: options.socketPath };
  const worker = new Worker(new URL('./dynaliteThread.mjs', import.meta.url), { workerData });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { type: string; port?: number; message?: string }) => {
      if (message.type === 'listening') resolve(message.port ?? 0);
      else reject(new Error(`dynalite did not start: ${message.message ?? message.type}`));
    });
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  let closing: Promise<void> | undefined;
  return {
    ...where(options.socketPath, port),
    close() {
      closing ??= new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.postMessage('close');
      });
      return closing;
    },
  };
}
