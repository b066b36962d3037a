import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import dynalite from 'dynalite';

export interface StartDynaliteOptions {
  /** LevelDB directory for data that outlives the process; omit for in-memory. One process per path. */
  path?: string;
  /** Default 0: any free port. */
  port?: number;
  /**
   * Serve from a worker thread (default false): the same dynalite, off the caller's event loop. The local
   * API does this so DynamoDB work runs on the second core instead of queueing behind GraphQL requests.
   */
  thread?: boolean;
}

export interface RunningDynalite {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Stops accepting requests, lets pending operations finish, closes the store. */
  close(): Promise<void>;
}

/** dynalite checks no signature: any static pair will do, but the SDK needs one to sign at all. */
export const LOCAL_DYNAMODB_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_DYNAMODB_REGION = 'us-east-1';

/**
 * Starts dynalite in this process on loopback. Tables are ACTIVE at once (no 500 ms CREATING).
 * Never start two on the same `path`: dynalite's LevelDB crashes the process (see README).
 */
export async function startDynalite(options: StartDynaliteOptions = {}): Promise<RunningDynalite> {
  if (options.thread) return startDynaliteThread(options);
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
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

export interface LocalDynamoDbClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Client settings for a local dynalite: its endpoint, a fixed region, the static local pair. Fits both
 * `new DynamoDBClient(...)` and `new DynamoDbJobStore({ tableName, ...config })`.
 */
export function localDynamoDbClientConfig(endpoint: string): LocalDynamoDbClientConfig {
  return { endpoint, region: LOCAL_DYNAMODB_REGION, credentials: { ...LOCAL_DYNAMODB_CREDENTIALS } };
}

async function startDynaliteThread(options: StartDynaliteOptions): Promise<RunningDynalite> {
  const worker = new Worker(new URL('./dynaliteThread.mjs', import.meta.url), { workerData: { path: options.path, port: options.port ?? 0 } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { type: string; port?: number; message?: string }) => {
      if (message.type === 'listening' && message.port) resolve(message.port);
      else reject(new Error(`dynalite did not start: ${message.message ?? message.type}`));
    });
  });
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.postMessage('close');
      });
      return closing;
    },
  };
}
