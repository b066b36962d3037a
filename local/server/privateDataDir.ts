import { chmod as fsChmod, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The data directory is open to other users and this process cannot close it (it is not the owner). */
export class DataDirError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DataDirError';
  }
}

/**
 * What this server keeps in the data directory: job records (LevelDB), objects (unmasked uploads among
 * them), the stores' sockets, the TLS key and the generated key pair. Anything else there is the user's:
 * the directory's own 0700 covers it, its modes are left alone.
 */
export const OWN_ENTRIES = ['dynamodb', 's3', 'run', 'tls', 'credentials.json'] as const;

export interface PrivateDataDirOptions {
  /** Injected in tests (a chmod that fails as for a directory of another user). */
  chmod?: (path: string, mode: number) => Promise<void>;
}

/** Creates the data directory 0700 when missing, else tightens it and our entries in it (see tightenDataDir). */
export async function preparePrivateDataDir(dir: string, options: PrivateDataDirOptions = {}): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await tightenDataDir(dir, options);
}

/**
 * Takes group and other bits off the data directory and, recursively, off our entries in it (folders
 * end 0700, files 0600): a data directory made by an older version, or by hand, was 0755 with 0644 files.
 * Run again once the stores have started, as LevelDB and s3rver create their files with the default modes.
 * Objects s3rver writes later are 0644 too: acceptable, since every folder above them is 0700.
 * @throws DataDirError when a chmod fails, naming the directory and the fix.
 */
export async function tightenDataDir(dir: string, options: PrivateDataDirOptions = {}): Promise<void> {
  const chmod = options.chmod ?? fsChmod;
  try {
    await tighten(dir, chmod, { recursive: false, follow: true });
    for (const entry of OWN_ENTRIES) await tighten(join(dir, entry), chmod, { recursive: true, follow: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DataDirError(
      `the data directory ${dir} is readable by other users of this machine and could not be made private (${code}). ` +
        `As its owner, run: chmod -R go-rwx ${dir}   or set HDM_DATA_DIR to a directory of your own.`,
      { cause: error },
    );
  }
}

async function tighten(
  path: string,
  chmod: NonNullable<PrivateDataDirOptions['chmod']>,
  how: { recursive: boolean; follow: boolean },
): Promise<void> {
  // Links inside are not followed: a chmod must never reach outside our own trees.
  const stats = await (how.follow ? stat(path) : lstat(path)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!stats || stats.isSymbolicLink()) return;
  // The stores run while this walks (LevelDB renames its temp files): a file gone in between is no longer there to close.
  if ((stats.mode & 0o077) !== 0) await chmod(path, stats.mode & 0o700).catch(ignoreGone);
  if (!how.recursive || !stats.isDirectory()) return;
  const names = await readdir(path).catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? [] : Promise.reject(error),
  );
  for (const name of names) await tighten(join(path, name), chmod, { recursive: true, follow: false });
}

function ignoreGone(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
