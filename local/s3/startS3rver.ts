import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface StartS3rverOptions {
  /** Keep objects here across restarts (created if missing). Default: a fresh temp dir, removed on close. */
  directory?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Created at start when missing; existing ones (and their objects) are kept. */
  buckets: readonly string[];
}

export interface RunningS3rver {
  /** `http://127.0.0.1:<port>`, for `s3rverClientConfig`. */
  endpoint: string;
  /** Where the objects are stored (the given directory, or the temp one). */
  directory: string;
  /** Stops the server; removes the directory only when it was a temp one. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * CORS for the console: a browser PUTs an upload to its presigned URL with the signed Content-Type, and
 * fetches a masked image's presigned URL to offer it as a download. s3rver checks no signatures, so the
 * presigned URL is not a permission here: only pages served from this machine (a loopback origin, any
 * port) may read or write through the browser. A page from anywhere else, or one that rebinds its own
 * name to 127.0.0.1, keeps its own origin and is refused.
 */
const LOOPBACK_ORIGINS = ['127.0.0.1', 'localhost', '[::1]'].flatMap((host) => [`http://${host}:*`, `https://${host}:*`]);
const BROWSER_CORS = `<CORSConfiguration>
  <CORSRule>
${LOOPBACK_ORIGINS.map((origin) => `    <AllowedOrigin>${origin}</AllowedOrigin>`).join('\n')}
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>content-type</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** A local S3 on loopback. It accepts any credentials and checks no signatures (see README). */
export async function startS3rver(options: StartS3rverOptions): Promise<RunningS3rver> {
  const { directory, port = 0, buckets } = options;
  const dir = directory ?? (await mkdtemp(join(tmpdir(), 'hdm-s3rver-')));
  const removeDir = directory === undefined ? () => rm(dir, { recursive: true, force: true }) : async () => {};
  await mkdir(dir, { recursive: true });

  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory: dir,
    silent: true,
    // Never wipe a persistent directory; a temp one is removed whole by close().
    resetOnClose: false,
    // Path-style only: otherwise any non-IP Host header is taken as a bucket name.
    vhostBuckets: false,
    // Written at every start, also over the CORS file of a bucket kept in a persistent directory.
    configureBuckets: buckets.map((name) => ({ name, configs: [BROWSER_CORS] })),
  });
  let address;
  try {
    address = await server.run();
  } catch (error) {
    await removeDir();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    directory: dir,
    close: () => (closing ??= server.close().then(removeDir)),
  };
}

/**
 * S3Client settings for s3rver: path-style URLs (no bucket subdomains on 127.0.0.1), us-east-1, and
 * static credentials (s3rver accepts any; these are its documented defaults).
 */
export function s3rverClientConfig(endpoint: string): S3ClientConfig {
  return {
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
}
