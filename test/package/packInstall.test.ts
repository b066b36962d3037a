// The package as users get it: `npm pack`, installed into an empty project, run in plain Node (no tsx, no
// loader). It installs with no network: the project's lockfile pins the package's dependencies to the
// versions in this repository's package-lock.json, whose tarballs `npm ci` left in the npm cache.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'hdm-pack-'));
const project = join(work, 'project');
// Plain Node: no loader inherited from the test runner's environment, and none of the settings `npm test`
// passes to its script (this package's name, prefix, lifecycle) but the npm cache it was given.
const inherited = Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || key === 'npm_config_cache');
const quiet = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const env = { ...Object.fromEntries(inherited), NODE_OPTIONS: '', ...quiet };

/** A client-kit user: a maskText request, answered by a stand-in fetch, so no server is needed. */
const CLIENT_USER = `import { HdmClient, MaskTextDocument } from 'health-data-masking/client';
let sent;
const answer = { data: { maskText: { id: 'j1', status: 'SUCCEEDED', maskedText: 'Pt [NAME]' } } };
const fetch = async (url, init) => ((sent = init), new Response(JSON.stringify(answer)));
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
const client = new HdmClient({ url: 'http://127.0.0.1:4000/graphql', region: 'us-east-1', credentials, fetch });
const job = await client.maskText({ text: 'Pt Marla Quenby' });
const signed = sent.headers.authorization.startsWith('AWS4-HMAC-SHA256 ');
const document = String(MaskTextDocument).includes('maskText');
console.log(JSON.stringify({ maskedText: job.maskedText, signed, document }));
`;

const TYPESCRIPT_USER = `import { LocalPhiDetector, maskText } from 'health-data-masking';
import { HdmClient } from 'health-data-masking/client';
export const masked: string = maskText('x', new LocalPhiDetector().detectSync('x')).maskedText;
export type Client = HdmClient;
`;

interface Packed {
  filename: string;
  integrity: string;
  size: number;
  entryCount: number;
  files: { path: string }[];
}

let packed: Packed;

beforeAll(async () => {
  // prepack builds dist/ (ignored by git), so packing leaves the working tree as it was.
  const pack = ['pack', '--json', '--pack-destination', work];
  const { stdout } = await run('npm', pack, { cwd: ROOT, env, maxBuffer: 64 << 20 });
  packed = (JSON.parse(stdout) as Packed[])[0]!;
  mkdirSync(project);
  const dependencies = { 'health-data-masking': `file:../${packed.filename}` };
  const manifest = { name: 'hdm-user', version: '1.0.0', private: true, type: 'module', dependencies };
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lockfileFor(manifest)));
  await run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: project, env });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The user project's lockfile: the tarball, and the repository's production tree at the same paths. */
function lockfileFor(manifest: { name: string; version: string; dependencies: Record<string, string> }): object {
  const repoLock = readJson(join(ROOT, 'package-lock.json')) as { packages: Record<string, { dev?: boolean }> };
  const repo = readJson(join(ROOT, 'package.json')) as Record<string, unknown>;
  // npm ci --omit=dev installs exactly these entries, so they form a complete tree at the same paths.
  const production = Object.entries(repoLock.packages).filter(([path, entry]) => path !== '' && entry.dev !== true);
  const resolved = manifest.dependencies['health-data-masking'];
  const self = { version: repo.version, resolved, integrity: packed.integrity, dependencies: repo.dependencies };
  return {
    name: manifest.name,
    version: manifest.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: manifest.name, version: manifest.version, dependencies: manifest.dependencies },
      'node_modules/health-data-masking': { ...self, bin: repo.bin, engines: repo.engines },
      ...Object.fromEntries(production),
    },
  };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Runs a file or command in the user project; resolves with its stdout. */
async function inProject(command: string, args: string[], input?: string): Promise<string> {
  const child = run(command, args, { cwd: project, env });
  if (input !== undefined) child.child.stdin?.end(input);
  return (await child).stdout;
}

/** README.md's "Use it as a library" snippet, exactly as shown there. */
function readmeLibrarySnippet(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it as a library'));
  const snippet = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (snippet === undefined) throw new Error('README.md has no ```ts block under "## Use it as a library"');
  return snippet;
}

describe('the packed package', () => {
  it('holds the built code and its data, not the sources, tests or local host', () => {
    const paths = packed.files.map((file) => file.path);
    const entryPoints = ['dist/index.js', 'dist/index.d.ts', 'dist/client/index.js', 'dist/client/index.d.ts'];
    const required = ['package.json', 'README.md', 'bin/hdm.js', ...entryPoints, 'dist/detect/data/person-names.txt'];
    expect(paths).toEqual(expect.arrayContaining(required));
    const shipped = /^(dist\/|bin\/hdm\.js$|package\.json$|README\.md$|LICENSE)/;
    expect(paths.filter((path) => !shipped.test(path))).toEqual([]);
    expect(paths.some((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toBe(false);
  });

  it("runs README.md's library snippet in plain Node and masks as its comment says", async () => {
    const snippet = readmeLibrarySnippet();
    const expected = /\/\/ maskedText === '(.*)'/.exec(snippet)?.[1];
    expect(expected).toBeDefined();
    writeFileSync(join(project, 'snippet.mjs'), `${snippet}console.log(JSON.stringify(maskedText));\n`);
    expect(JSON.parse(await inProject(process.execPath, ['snippet.mjs']))).toBe(expected);
  });

  it('imports health-data-masking/client and signs a request with it', async () => {
    writeFileSync(join(project, 'client.mjs'), CLIENT_USER);
    const printed = JSON.parse(await inProject(process.execPath, ['client.mjs'])) as unknown;
    expect(printed).toEqual({ maskedText: 'Pt [NAME]', signed: true, document: true });
  });

  it('type-checks a TypeScript user of both entry points against the shipped .d.ts files', async () => {
    writeFileSync(join(project, 'user.ts'), TYPESCRIPT_USER);
    // skipLibCheck off: the shipped .d.ts files themselves are checked, with no @types/node.
    const options = { module: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['user.ts'] }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    await expect(inProject(process.execPath, [tsc, '-p', '.'])).resolves.toBe('');
  });

  it('runs `npx hdm mask` on a note from stdin', async () => {
    const masked = await inProject('npx', ['--no', 'hdm', 'mask'], 'Pt Marla Quenby, 67 y/o, seen 03/14/2023.\n');
    expect(masked).toBe('Pt [NAME], [AGE] y/o, seen [DATE].\n');
  });
});
