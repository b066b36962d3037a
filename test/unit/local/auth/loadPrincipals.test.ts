import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALLOW } from '../../../../local/auth/defaultAllow.ts';
import { PrincipalsFileError } from '../../../../local/auth/errors.ts';
import { identityOf } from '../../../../local/auth/identityOf.ts';
import { loadPrincipals } from '../../../../local/auth/loadPrincipals.ts';
import { PrincipalRegistry } from '../../../../local/auth/PrincipalRegistry.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hdm-auth-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SECRET = 'topSecretValue/0123456789+abcdefghijklmn';
const valid = (overrides: Record<string, unknown> = {}) => ({
  name: 'worker',
  accessKeyId: 'AKIAWORKER0000000001',
  secretAccessKey: SECRET,
  ...overrides,
});

async function writeJson(name: string, data: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

async function loadError(file: string): Promise<PrincipalsFileError> {
  const error = await loadPrincipals({ file, dataDir: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PrincipalsFileError);
  return error as PrincipalsFileError;
}

describe('loadPrincipals: generated credentials', () => {
  it('generates one AWS-shaped principal into <dataDir>/credentials.json with mode 0600', async () => {
    const dataDir = path.join(dir, 'nested', '.data');
    const { generated, principals, registry } = await loadPrincipals({ dataDir });
    expect(generated).toBeDefined();
    expect(generated!.name).toBe('local-developer');
    expect(generated!.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(generated!.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(generated!.accountId).toBe('000000000000');
    expect(generated!.allow).toEqual(DEFAULT_ALLOW);
    expect(principals).toEqual([generated]);
    expect(registry.get(generated!.accessKeyId)).toEqual(generated);

    const file = path.join(dataDir, 'credentials.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(file, 'utf8')) as Array<Record<string, unknown>>;
    expect(saved).toEqual([
      {
        name: 'local-developer',
        accessKeyId: generated!.accessKeyId,
        secretAccessKey: generated!.secretAccessKey,
        accountId: '000000000000',
      },
    ]);
  });

  it('loads the same key pair on the next start and reports nothing generated', async () => {
    const first = await loadPrincipals({ dataDir: dir });
    const second = await loadPrincipals({ dataDir: dir });
    expect(second.generated).toBeUndefined();
    expect(second.principals).toEqual([first.generated]);
  });

  it('generates different keys in different data directories', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'hdm-auth-'));
    try {
      const a = await loadPrincipals({ dataDir: dir });
      const b = await loadPrincipals({ dataDir: other });
      expect(a.generated!.accessKeyId).not.toBe(b.generated!.accessKeyId);
      expect(a.generated!.secretAccessKey).not.toBe(b.generated!.secretAccessKey);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('validates an edited credentials.json like any principals file', async () => {
    await writeJson('credentials.json', [valid({ accountId: 'abc' })]);
    await expect(loadPrincipals({ dataDir: dir })).rejects.toThrow(/\[0\]\.accountId: must be 12 digits/);
  });
});

describe('loadPrincipals: a principals file', () => {
  it('loads it in preference to credentials.json, applying defaults', async () => {
    await writeJson('credentials.json', [valid({ name: 'ignored', accessKeyId: 'AKIAIGNORED000000000' })]);
    const file = await writeJson('principals.json', [
      valid(),
      {
        name: 'temp',
        accessKeyId: 'ASIATEMP000000000001',
        secretAccessKey: SECRET,
        sessionToken: 'tok',
        accountId: '123456789012',
        allow: ['Mutation.publishJobUpdate'],
      },
    ]);
    const { principals, registry, generated } = await loadPrincipals({ file, dataDir: dir });
    expect(generated).toBeUndefined();
    expect(principals.map((p) => p.name)).toEqual(['worker', 'temp']);
    expect(principals[0]).toMatchObject({ accountId: '000000000000', allow: DEFAULT_ALLOW });
    expect(principals[0]!.sessionToken).toBeUndefined();
    expect(registry.get('ASIATEMP000000000001')).toMatchObject({
      sessionToken: 'tok',
      accountId: '123456789012',
      allow: ['Mutation.publishJobUpdate'],
    });
    expect(registry.get('AKIAIGNORED000000000')).toBeUndefined();
  });

  it('reports every problem with its index and field, and no secret', async () => {
    const file = await writeJson('principals.json', [
      valid(),
      { name: 'bad name!', accessKeyId: 'short', secretAccessKey: '', allow: 'Query.*', alow: [] },
      { accessKeyId: 'AKIAWORKER0000000001', secretAccessKey: SECRET, accountId: 12, sessionToken: '' },
      'not an object',
    ]);
    const error = await loadError(file);
    expect(error.problems).toEqual([
      '[1].alow: unknown field',
      '[1].name: required, 1-64 characters of letters, digits and +=,.@_-',
      '[1].accessKeyId: required, 16-128 letters, digits or _',
      '[1].secretAccessKey: required, a non-empty string without whitespace',
      '[1].allow: must be an array of non-empty strings when present',
      '[2].name: required, 1-64 characters of letters, digits and +=,.@_-',
      '[2].sessionToken: must be a non-empty string when present',
      '[2].accountId: must be 12 digits when present',
      '[3]: must be an object',
      '[2].accessKeyId: same as [0].accessKeyId',
    ]);
    expect(error.message).toContain(file);
    expect(error.message).not.toContain(SECRET);
  });

  it('refuses duplicate access key ids and duplicate names', async () => {
    const file = await writeJson('principals.json', [
      valid(),
      valid({ name: 'other' }),
      valid({ accessKeyId: 'AKIAWORKER0000000002' }),
    ]);
    expect((await loadError(file)).problems).toEqual([
      '[1].accessKeyId: same as [0].accessKeyId',
      '[2].name: same as [0].name',
    ]);
  });

  it('refuses a file that is not a non-empty array', async () => {
    expect((await loadError(await writeJson('a.json', { name: 'x' }))).problems).toEqual([
      'must be a JSON array of principals',
    ]);
    expect((await loadError(await writeJson('b.json', []))).problems).toEqual(['must list at least one principal']);
  });

  it('refuses invalid JSON without quoting its text (which may hold a secret)', async () => {
    const file = await writeJson('principals.json', `[{"name": "x", "secretAccessKey": ${SECRET}}]`);
    const error = await loadError(file);
    expect(error.message).toMatch(/is not valid JSON/);
    expect(error.message).not.toContain(SECRET.slice(0, 10));
    expect(error.cause).toBeUndefined();
  });

  it('refuses a missing file rather than generating credentials', async () => {
    const error = await loadError(path.join(dir, 'missing.json'));
    expect(error.problems).toEqual(['cannot be read (ENOENT)']);
  });
});

describe('PrincipalRegistry and identityOf', () => {
  it('looks principals up by access key id and refuses a repeated one', () => {
    const a = { ...valid(), accountId: '000000000000', allow: [] };
    const registry = new PrincipalRegistry([a]);
    expect(registry.get(a.accessKeyId)).toBe(a);
    expect(registry.get('AKIANOBODY0000000000')).toBeUndefined();
    expect(registry.list()).toEqual([a]);
    expect(() => new PrincipalRegistry([a, { ...a, name: 'b' }])).toThrow(/duplicate access key id/);
  });

  it("gives AppSync's IAM identity for an IAM user", () => {
    const principal = { ...valid(), accountId: '123456789012', allow: [] };
    expect(identityOf(principal, ['127.0.0.1', '10.0.0.7'])).toEqual({
      accountId: '123456789012',
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      sourceIp: ['127.0.0.1', '10.0.0.7'],
      username: 'worker',
      userArn: 'arn:aws:iam::123456789012:user/worker',
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
    });
  });
});
