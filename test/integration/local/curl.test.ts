import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakedPhi, NOTE, Q, startTestApi, type TestApi } from '../../helpers/localApi.ts';

// curl's own SigV4 signer (--aws-sigv4, curl >= 7.75) against the local API: the example `npm start` prints.

let t: TestApi;

beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => t?.dispose());

/** Runs curl with the body on stdin (so the note is not on a command line); resolves stdout. */
function curl(args: string[], stdin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`curl exited ${code}: ${err.slice(0, 300)}`)),
    );
    child.stdin.end(stdin);
  });
}

describe('curl --aws-sigv4', () => {
  it('is recent enough for --aws-sigv4 (7.75 or later)', async () => {
    const { stdout } = await promisify(execFile)('curl', ['--version']);
    const [major = 0, minor = 0] = (/^curl (\d+)\.(\d+)/.exec(stdout)?.slice(1) ?? []).map(Number);
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(7075);
  });

  it('masks a note', async () => {
    const { accessKeyId, secretAccessKey } = t.credentials();
    const body = JSON.stringify({ query: Q.maskText, variables: { input: { text: NOTE } } });
    const out = await curl(
      [
        '-sS',
        '--aws-sigv4',
        `aws:amz:${t.api.region}:appsync`,
        '--user',
        `${accessKeyId}:${secretAccessKey}`,
        '-H',
        'content-type: application/json',
        '--data-binary',
        '@-',
        '-w',
        '\n%{http_code}',
        t.api.url,
      ],
      body,
    );
    const status = out.slice(out.lastIndexOf('\n') + 1);
    const response = JSON.parse(out.slice(0, out.lastIndexOf('\n'))) as {
      data?: { maskText?: { status: string; maskedText: string; findingCount: number } };
      errors?: unknown;
    };
    expect(status).toBe('200');
    expect(response.errors).toBeUndefined();
    expect(response.data?.maskText?.status).toBe('SUCCEEDED');
    expect(response.data?.maskText?.findingCount).toBeGreaterThan(0);
    expect(leakedPhi(response.data?.maskText?.maskedText ?? NOTE)).toEqual([]);
  });

  it('with a wrong secret is refused 403', async () => {
    const { accessKeyId } = t.credentials();
    const out = await curl(
      [
        '-sS',
        '--aws-sigv4',
        `aws:amz:${t.api.region}:appsync`,
        '--user',
        `${accessKeyId}:not-the-secret`,
        '-H',
        'content-type: application/json',
        '--data-binary',
        '@-',
        '-w',
        '\n%{http_code}',
        t.api.url,
      ],
      JSON.stringify({ query: Q.jobs }),
    );
    expect(out.slice(out.lastIndexOf('\n') + 1)).toBe('403');
    expect(JSON.parse(out.slice(0, out.lastIndexOf('\n')))).toMatchObject({
      errors: [{ errorType: 'InvalidSignatureException' }],
    });
  });
});
