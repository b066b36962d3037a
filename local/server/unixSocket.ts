import { lstat, unlink } from 'node:fs/promises';
import { connect } from 'node:net';

/**
 * Longest socket path we accept, in bytes: Linux's sun_path holds 108 bytes and macOS's 104, both with the
 * terminating NUL; the shorter one keeps a data directory portable.
 */
export const MAX_SOCKET_PATH_BYTES = 103;

/** Whether `path` fits in a Unix socket address on every platform we run on. */
export function fitsSocketPath(path: string): boolean {
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH_BYTES;
}

/**
 * Makes `path` ready for a server to listen on: a socket file left by a process that died is removed (listen
 * would fail with EADDRINUSE), one that still answers is another server's and is left alone, and any other
 * kind of file is never deleted.
 */
export async function prepareSocketPath(path: string): Promise<void> {
  if (!fitsSocketPath(path))
    throw new Error(
      `socket path too long (${Buffer.byteLength(path)} bytes, at most ${MAX_SOCKET_PATH_BYTES}): ${path}`,
    );
  const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!stats) return;
  if (!stats.isSocket()) throw new Error(`${path} exists and is not a socket: move it away`);
  if (await answers(path))
    throw new Error(`another process is listening on ${path}: is another local API using this data directory?`);
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
