import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedGraphQL } from '../../helpers/signedFetch.ts';

// `npm start` as users run it (local/start.ts in its own process): everything the server writes into the data
// directory, objects uploaded later included, is 0600 in 0700 folders (issue 13: "files 0600").

let child: ChildProcess;
let dataDir: string;
let url = '';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hdm-start-'));
  child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    env: { ...process.env, PORT: '0', HDM_DATA_DIR: dataDir, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('npm start printed no endpoint in 60 s')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /GraphQL endpoint\s+(\S+)/.exec(out);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code})`)));
  });
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

/** Every file and folder under `dir` with its permission bits. */
async function modes(dir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const name of await readdir(dir, { recursive: true })) {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => undefined);
    if (info && !info.isSocket()) found.set(name, info.mode & 0o777);
  }
  return found;
}

describe('npm start', () => {
  it('keeps everything it writes private, objects uploaded while it runs included', async () => {
    const [credentials] = JSON.parse(await readFile(path.join(dataDir, 'credentials.json'), 'utf8')) as {
      accessKeyId: string;
      secretAccessKey: string;
    }[];
    if (!credentials) throw new Error('npm start wrote no credentials');
    const target = {
      url,
      region: 'us-east-1',
      credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    };
    const created = await signedGraphQL<{ createImageUpload: { url: string } }>(
      target,
      'mutation { createImageUpload(contentType: "image/png") { url } }',
    );
    const uploadUrl = created.body.data?.createImageUpload.url ?? '';
    const put = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    });
    expect(put.status).toBe(200);
    const masked = await signedGraphQL<{ maskText: { status: string } }>(
      target,
      'mutation { maskText(input: { text: "Seen by Dr. Quenby." }) { status } }',
    );
    expect(masked.body.data?.maskText.status).toBe('SUCCEEDED');

    const found = await modes(dataDir);
    expect([...found.keys()].some((name) => name.startsWith('s3/'))).toBe(true);
    const open = [...found]
      .filter(([, mode]) => (mode & 0o077) !== 0)
      .map(([name, mode]) => `${name} ${mode.toString(8)}`);
    expect(open).toEqual([]);
  });
});
