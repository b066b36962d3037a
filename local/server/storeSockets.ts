import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fitsSocketPath } from './unixSocket.ts';

/** Where dynalite and s3rver listen: Unix sockets in a directory only this user can enter. */
export interface StoreSockets {
  directory: string;
  dynamoDb: string;
  s3: string;
  /** Removes the directory when it was a temporary one (the servers remove their sockets on close). */
  close(): Promise<void>;
}

const NAMES = { dynamoDb: 'dynamodb.sock', s3: 's3.sock' };

/**
 * `<dataDir>/run/` (0700) for stores on disk. In-memory stores, or a data directory whose path is too
 * long for a socket address (about 100 bytes), get a fresh 0700 directory under the temp directory instead,
 * removed on close.
 */
export async function createStoreSockets(dataDir: string | undefined): Promise<StoreSockets> {
  const run = dataDir === undefined ? undefined : join(resolve(dataDir), 'run');
  if (run && fitsSocketPath(join(run, NAMES.dynamoDb))) {
    await mkdir(run, { recursive: true, mode: 0o700 });
    // mkdir's mode does not apply to a directory that already exists.
    await chmod(run, 0o700);
    return socketsIn(run, async () => {});
  }
  // mkdtemp creates the directory 0700.
  const temp = await mkdtemp(join(tmpdir(), 'hdm-'));
  const remove = () => rm(temp, { recursive: true, force: true });
  if (!fitsSocketPath(join(temp, NAMES.dynamoDb))) {
    await remove();
    throw new Error(
      `the temp directory's path is too long for the stores' sockets: set TMPDIR to a short one (such as /tmp)`,
    );
  }
  return socketsIn(temp, remove);
}

function socketsIn(directory: string, close: () => Promise<void>): StoreSockets {
  return { directory, dynamoDb: join(directory, NAMES.dynamoDb), s3: join(directory, NAMES.s3), close };
}
