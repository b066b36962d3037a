import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { prepareSocketPath } from '../server/unixSocket.ts';

export interface StartS3rverOptions {
  /** Keep objects here across restarts (created if missing). Default: a fresh temp dir, removed on close. */
  directory?: string;
  /**
   * Listen on this Unix socket instead of TCP (what the local API does: a socket in a 0700 directory can be
   * reached only by this user, a loopback port by every user of the machine). A stale socket file is removed.
   */
  socketPath?: string;
  /** Without `socketPath`: the loopback port, default 0 (any free port). For tests and benchmarks. */
  port?: number;
  /** Created at start when missing; existing ones (and their objects) are kept. */
  buckets: readonly string[];
}

export interface RunningS3rver {
  /** `http://127.0.0.1:<port>`, or `http://localhost` on a socket (the host is then only a name). */
  endpoint: string;
  /** Set when listening on a Unix socket: clients connect here (see README). */
  socketPath?: string;
  /** Where the objects are stored (the given directory, or the temp one). */
  directory: string;
  /** Stops the server; removes the directory only when it was a temp one. Safe to call twice. */
  close(): Promise<void>;
}

/** What s3rver has but @types/s3rver does not declare: `run()` is `configureBuckets()`, `listen()`, then this field. */
interface S3rverInternals {
  listen(path: string): Promise<Server>;
  httpServer?: Server;
}

/** A local S3. It accepts any credentials and checks no signatures (see README): never expose it. */
export async function startS3rver(options: StartS3rverOptions): Promise<RunningS3rver> {
  const { directory, socketPath, port = 0, buckets } = options;
  const dir = directory ?? (await mkdtemp(join(tmpdir(), 'hdm-s3rver-')));
  const removeDir = directory === undefined ? () => rm(dir, { recursive: true, force: true }) : async () => {};
  await mkdir(dir, { recursive: true, mode: 0o700 });

  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory: dir,
    silent: true,
    // Never wipe a persistent directory; a temp one is removed whole by close().
    resetOnClose: false,
    // Path-style only: otherwise any non-IP Host header is taken as a bucket name.
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  let endpoint: string;
  try {
    endpoint = socketPath ? await listenOnSocket(server, socketPath) : `http://127.0.0.1:${(await server.run()).port}`;
  } catch (error) {
    await removeDir();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    endpoint,
    ...(socketPath ? { socketPath } : {}),
    directory: dir,
    close: () => (closing ??= server.close().then(removeDir)),
  };
}

async function listenOnSocket(server: S3rver, socketPath: string): Promise<string> {
  await prepareSocketPath(socketPath);
  await server.configureBuckets();
  const internals = server as unknown as S3rverInternals;
  // close() closes `httpServer`, which run() would have set.
  internals.httpServer = await internals.listen(socketPath);
  // The directory is 0700 already; the socket's own mode is a second lock on the same door.
  await chmod(socketPath, 0o600);
  return 'http://localhost';
}

/**
 * S3Client settings for an s3rver on TCP: path-style URLs (no bucket subdomains on 127.0.0.1), us-east-1,
 * and static credentials (s3rver accepts any; these are its documented defaults). On a socket, add a
 * request handler that connects to it (src/services/unixSocketHandler.ts does).
 */
export function s3rverClientConfig(endpoint: string): S3ClientConfig {
  return {
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
}
