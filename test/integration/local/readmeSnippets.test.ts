import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../../local/LocalApi.ts';
import { startLocalApi } from '../../../local/startLocalApi.ts';
import { leakedPhi, startTestApi, type TestApi } from '../../helpers/localApi.ts';
import type { AwsCredentials } from '../../helpers/signedFetch.ts';

// README.md "Calling the API" shows files from examples/ verbatim; each must be in the README exactly as it
// is on disk, and each must work: run as a user would (`node --import tsx`, from the repository, with the
// endpoint and keys in HDM_* variables) against the real local API.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = [
  'examples/client-kit.ts',
  'examples/apollo.ts',
  'examples/amplify.ts',
  'examples/plain-fetch.ts',
] as const;
const run = promisify(execFile);

/** Runs an example in its own Node process; returns the JSON it printed on its last line. */
async function runExample(
  file: string,
  url: string,
  region: string,
  credentials: AwsCredentials,
  extraEnv: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const env = {
    ...process.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    HDM_URL: url,
    HDM_REGION: region,
    HDM_ACCESS_KEY_ID: credentials.accessKeyId,
    HDM_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...extraEnv,
  };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env, timeout: 40_000 });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as Record<string, unknown>;
}

describe('README.md "Calling the API" examples', () => {
  it.each(EXAMPLES)('README.md shows %s verbatim', async (file) => {
    const [readme, source] = await Promise.all([
      readFile(path.join(ROOT, 'README.md'), 'utf8'),
      readFile(path.join(ROOT, file), 'utf8'),
    ]);
    expect(
      readme.includes('```ts\n' + source + '```\n'),
      `README.md must show ${file} exactly as it is (copy the file into the README)`,
    ).toBe(true);
  });

  describe('over HTTP', () => {
    let t: TestApi;
    beforeAll(async () => {
      t = await startTestApi();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('examples/client-kit.ts masks a note and prints its findings and RUNNING, SUCCEEDED', async () => {
      const printed = await runExample('examples/client-kit.ts', t.api.url, t.api.region, t.credentials());
      expect(leakedPhi(String(printed.maskedText))).toEqual([]);
      expect(printed.maskedText).toContain('[NAME]');
      expect((printed.findings as { type: string }[]).map((f) => f.type)).toEqual(
        expect.arrayContaining(['NAME', 'DATE', 'PHONE_OR_FAX']),
      );
      expect(printed.updates).toEqual(['RUNNING', 'SUCCEEDED']);
    }, 60_000);

    it('examples/apollo.ts masks a note and prints the job and RUNNING, SUCCEEDED', async () => {
      const printed = await runExample('examples/apollo.ts', t.api.url, t.api.region, t.credentials());
      const job = printed.job as { status: string; maskedText: string; findingCount: number };
      expect(job.status).toBe('SUCCEEDED');
      expect(job.findingCount).toBeGreaterThan(0);
      expect(leakedPhi(job.maskedText)).toEqual([]);
      expect(job.maskedText).toContain('[NAME]');
      expect(printed.updates).toEqual(['RUNNING', 'SUCCEEDED']);
    }, 60_000);

    it('examples/plain-fetch.ts prints status 200 and the masked job', async () => {
      const printed = await runExample('examples/plain-fetch.ts', t.api.url, t.api.region, t.credentials());
      expect(printed.status).toBe(200);
      const job = (printed.body as { data: { maskText: { status: string; maskedText: string; findingCount: number } } })
        .data.maskText;
      expect(job.status).toBe('SUCCEEDED');
      expect(job.findingCount).toBeGreaterThan(0);
      expect(leakedPhi(job.maskedText)).toEqual([]);
    }, 60_000);

    it("examples/plain-fetch.ts with a wrong secret prints AppSync's 403", async () => {
      const printed = await runExample('examples/plain-fetch.ts', t.api.url, t.api.region, {
        ...t.credentials(),
        secretAccessKey: 'not-the-secret',
      });
      expect(printed.status).toBe(403);
      expect((printed.body as { errors: { errorType: string }[] }).errors[0]?.errorType).toBe(
        'InvalidSignatureException',
      );
    }, 60_000);
  });

  describe("over HTTPS and WSS (Amplify derives wss:// for any host but AppSync's)", () => {
    let dataDir: string;
    let api: LocalApi;
    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'hdm-it-readme-'));
      api = await startLocalApi({ tls: true, dataDir, port: 0, host: '127.0.0.1', inMemory: true, log: () => {} });
    });
    afterAll(async () => {
      await api?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('examples/amplify.ts masks a note and prints the job and RUNNING, SUCCEEDED', async () => {
      const principal = api.generatedPrincipal;
      if (!principal) throw new Error('expected a generated principal');
      expect(api.url).toMatch(/^https:\/\//);
      const printed = await runExample('examples/amplify.ts', api.url, api.region, principal, {
        NODE_EXTRA_CA_CERTS: path.join(dataDir, 'tls', 'cert.pem'),
      });
      const job = printed.job as { status: string; maskedText: string; findingCount: number };
      expect(job.status).toBe('SUCCEEDED');
      expect(job.findingCount).toBeGreaterThan(0);
      expect(leakedPhi(job.maskedText)).toEqual([]);
      expect(printed.updates).toEqual(['RUNNING', 'SUCCEEDED']);
    }, 60_000);
  });
});
