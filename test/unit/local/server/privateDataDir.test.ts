import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirError, preparePrivateDataDir, tightenDataDir } from '../../../../local/server/privateDataDir.ts';
import { createStoreSockets } from '../../../../local/server/storeSockets.ts';
import { prepareSocketPath } from '../../../../local/server/unixSocket.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hdm-priv-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe('preparePrivateDataDir', () => {
  it('creates a missing data directory (and its parents) 0700', async () => {
    const dir = path.join(root, 'a', 'b', '.data');
    await preparePrivateDataDir(dir);
    expect(await mode(dir)).toBe(0o700);
  });

  it("takes group and other bits off the directory and off our entries, recursively, and leaves the user's files alone", async () => {
    const dir = path.join(root, '.data');
    await mkdir(path.join(dir, 'dynamodb'), { recursive: true, mode: 0o755 });
    await mkdir(path.join(dir, 's3', 'bucket', 'deep'), { recursive: true, mode: 0o775 });
    await writeFile(path.join(dir, 's3', 'bucket', 'deep', 'object'), 'x', { mode: 0o644 });
    await writeFile(path.join(dir, 'dynamodb', 'CURRENT'), 'x', { mode: 0o664 });
    await writeFile(path.join(dir, 'credentials.json'), '[]', { mode: 0o644 });
    await writeFile(path.join(dir, 'notes.txt'), 'mine', { mode: 0o644 });
    await chmod(dir, 0o755);
    await preparePrivateDataDir(dir);
    expect(await mode(dir)).toBe(0o700);
    for (const folder of ['dynamodb', 's3', 's3/bucket', 's3/bucket/deep'])
      expect(await mode(path.join(dir, folder)), folder).toBe(0o700);
    for (const file of ['dynamodb/CURRENT', 's3/bucket/deep/object', 'credentials.json'])
      expect(await mode(path.join(dir, file)), file).toBe(0o600);
    expect(await mode(path.join(dir, 'notes.txt'))).toBe(0o644);
  });

  it('never follows a link inside our folders out of the data directory', async () => {
    const dir = path.join(root, '.data');
    const outside = path.join(root, 'outside');
    await mkdir(outside, { mode: 0o755 });
    await chmod(outside, 0o755);
    await mkdir(path.join(dir, 's3'), { recursive: true });
    await symlink(outside, path.join(dir, 's3', 'link'));
    await preparePrivateDataDir(dir);
    expect(await mode(outside)).toBe(0o755);
  });

  it('refuses with the directory and the fix when it cannot tighten it (a directory of another user)', async () => {
    const dir = path.join(root, 'shared');
    await mkdir(dir, { mode: 0o755 });
    await chmod(dir, 0o755);
    const notOwner = async () => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    };
    const refused = await preparePrivateDataDir(dir, { chmod: notOwner }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirError);
    expect((refused as Error).message).toContain(dir);
    expect((refused as Error).message).toContain('EPERM');
    expect((refused as Error).message).toContain(`chmod -R go-rwx ${dir}`);
    expect((refused as Error).message).toContain('HDM_DATA_DIR');
    // Already private: nothing to change, so no chmod is needed and none fails.
    await chmod(dir, 0o700);
    await expect(tightenDataDir(dir, { chmod: notOwner })).resolves.toBeUndefined();
  });

  it('passes over a file the running stores removed between reading the folder and closing it (a LevelDB temp file)', async () => {
    const dir = path.join(root, 'data');
    await mkdir(path.join(dir, 'dynamodb'), { recursive: true, mode: 0o755 });
    await writeFile(path.join(dir, 'dynamodb', '000002.dbtmp'), 'x', { mode: 0o644 });
    const goneMeanwhile = async (p: string, m: number) => {
      if (p.endsWith('.dbtmp')) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      await chmod(p, m);
    };
    await expect(tightenDataDir(dir, { chmod: goneMeanwhile })).resolves.toBeUndefined();
    expect(await mode(path.join(dir, 'dynamodb'))).toBe(0o700);
  });
});

describe('createStoreSockets', () => {
  it('puts the sockets in <dataDir>/run, made (or made again) 0700', async () => {
    const dir = path.join(root, '.data');
    await mkdir(path.join(dir, 'run'), { recursive: true, mode: 0o755 });
    await chmod(path.join(dir, 'run'), 0o755);
    const sockets = await createStoreSockets(dir);
    expect(sockets.directory).toBe(path.join(dir, 'run'));
    expect([path.basename(sockets.dynamoDb), path.basename(sockets.s3)]).toEqual(['dynamodb.sock', 's3.sock']);
    expect(await mode(sockets.directory)).toBe(0o700);
    await sockets.close();
    expect(await mode(sockets.directory)).toBe(0o700);
  });

  it("uses a fresh 0700 temp directory, removed on close, in memory or when the data directory's path is too long for a socket", async () => {
    const long = path.join(root, 'x'.repeat(100));
    for (const dataDir of [undefined, long]) {
      const sockets = await createStoreSockets(dataDir);
      expect(sockets.directory.startsWith(tmpdir())).toBe(true);
      expect(Buffer.byteLength(sockets.dynamoDb)).toBeLessThanOrEqual(103);
      expect(await mode(sockets.directory)).toBe(0o700);
      await sockets.close();
      await expect(stat(sockets.directory)).rejects.toMatchObject({ code: 'ENOENT' });
    }
  });
});

describe('prepareSocketPath', () => {
  const listen = (p: string) =>
    new Promise<Server>((resolve) => {
      const server = createServer();
      server.listen(p, () => resolve(server));
    });

  it('removes a socket file nobody listens on (a crash), and refuses one that answers (another server)', async () => {
    const p = path.join(root, 's.sock');
    const server = await listen(p);
    await expect(prepareSocketPath(p)).rejects.toThrow(/another process is listening/);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // A server killed outright leaves its file behind.
    await new Promise<void>((resolve, reject) => {
      const script = `require('node:net').createServer().listen(${JSON.stringify(p)}, () => process.kill(process.pid, 'SIGKILL'))`;
      spawn(process.execPath, ['-e', script])
        .on('exit', () => resolve())
        .on('error', reject);
    });
    await expect(stat(p)).resolves.toBeDefined();
    await prepareSocketPath(p);
    await expect(stat(p)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never deletes a file that is not a socket, and refuses paths too long for a socket address', async () => {
    const p = path.join(root, 'not-a-socket');
    await writeFile(p, 'data');
    await expect(prepareSocketPath(p)).rejects.toThrow(/not a socket/);
    expect((await stat(p)).isFile()).toBe(true);
    await expect(prepareSocketPath(path.join(root, 'y'.repeat(120)))).rejects.toThrow(/too long/);
    await expect(prepareSocketPath(path.join(root, 'missing.sock'))).resolves.toBeUndefined();
  });
});
