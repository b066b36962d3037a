import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Proves that `npm run lint` enforces DESIGN.md's dependency rule: the real configurations
// (.dependency-cruiser.cjs, eslint.config.js) run over files that break each rule, written to a temporary
// project outside the repository (dependency-cruiser) or linted from memory (ESLint), never into the tree.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const FOLDERS = ['src', 'resolvers', 'local', 'infra', 'bench', 'scripts', 'bin'];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: Array<{ name: string }>;
}

/** Runs the depcruise command as `npm run lint` does, and returns the violations it reports. */
async function depcruise(cwd: string, folders: string[]): Promise<Violation[]> {
  const args = [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', ...folders];
  // A run with violations exits non-zero; the JSON on stdout is the answer either way.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => {
      if (!error.stdout) throw error;
      return { stdout: error.stdout };
    },
  );
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** A project laid out like this one, where each file breaks (or keeps) one rule. */
const PROBES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      allowImportingTsExtensions: true,
      noEmit: true,
    },
  }),
  'src/core/readsFiles.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'src/core/loadsLocal.ts': "export const load = () => import('../../local/host.ts');\n",
  'src/core/usesPackage.ts': "import { parse } from 'graphql';\nexport const p = parse;\n",
  'src/core/namesAdapterType.ts':
    "import type { Adapter } from '../adapters/memory/Adapter.ts';\nexport type A = Adapter;\n",
  'src/core/fine.ts': "import { read } from './readsFiles.ts';\nexport const fine = read;\n",
  'src/adapters/memory/Adapter.ts':
    "import { run } from '../../cli/run.ts';\nexport interface Adapter { run: typeof run }\n",
  'src/cli/run.ts': 'export const run = 1;\n',
  'local/host.ts': 'export const host = 1;\n',
  'infra/stack.ts': "import { host } from '../local/host.ts';\nexport const stack = host;\n",
  'resolvers/lambda.ts': "export const lambda = () => import('../local/host.ts');\n",
  'src/ping.ts': "import { pong } from './pong.ts';\nexport const ping = () => pong;\n",
  'src/pong.ts': "import { ping } from './ping.ts';\nexport const pong = () => ping;\n",
  'src/usesTest.ts': "import { helper } from '../test/helper.ts';\nexport const t = helper;\n",
  'test/helper.ts': 'export const helper = 1;\n',
  'src/usesShared.ts': "import { shared } from '../../shared/score.ts';\nexport const s = shared;\n",
  '../shared/score.ts': 'export const shared = 1;\n',
  'bench/usesTest.ts': "import { helper } from '../test/helper.ts';\nexport const b = helper;\n",
};

describe('the dependency rule (dependency-cruiser)', () => {
  let scratch: string;
  let violations: Violation[];
  const reported = (rule: string, from: string, to: string) =>
    violations.some((v) => v.rule.name === rule && v.from === from && v.to === to);

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'hdm-dependency-rule-'));
    const project = join(scratch, 'repo');
    for (const [file, text] of Object.entries(PROBES)) {
      mkdirSync(dirname(join(project, file)), { recursive: true });
      writeFileSync(join(project, file), text);
    }
    violations = await depcruise(project, ['src', 'resolvers', 'local', 'infra', 'bench']);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports src/core importing a Node built-in, a package, or another folder, also dynamically or for types only', () => {
    // dependency-cruiser names a built-in without its node: prefix.
    expect(reported('core-imports-only-core', 'src/core/readsFiles.ts', 'fs')).toBe(true);
    expect(reported('core-imports-only-core', 'src/core/usesPackage.ts', 'graphql')).toBe(true);
    expect(reported('core-imports-only-core', 'src/core/loadsLocal.ts', 'local/host.ts')).toBe(true);
    expect(reported('core-imports-only-core', 'src/core/namesAdapterType.ts', 'src/adapters/memory/Adapter.ts')).toBe(
      true,
    );
    expect(violations.some((v) => v.from === 'src/core/fine.ts')).toBe(false);
  });

  it('reports an adapter importing the CLI', () => {
    expect(reported('adapters-not-to-edge', 'src/adapters/memory/Adapter.ts', 'src/cli/run.ts')).toBe(true);
  });

  it('reports infra/ and resolvers/ importing the local host, statically or dynamically', () => {
    expect(reported('resolvers-and-infra-not-to-local', 'infra/stack.ts', 'local/host.ts')).toBe(true);
    expect(reported('resolvers-and-infra-not-to-local', 'resolvers/lambda.ts', 'local/host.ts')).toBe(true);
  });

  it('reports shipped code importing test/ or anything outside the repository, but lets bench/ use test helpers', () => {
    expect(reported('shipped-not-to-test', 'src/usesTest.ts', 'test/helper.ts')).toBe(true);
    expect(reported('shipped-not-outside-repository', 'src/usesShared.ts', '../shared/score.ts')).toBe(true);
    expect(violations.some((v) => v.from === 'bench/usesTest.ts')).toBe(false);
  });

  it('reports a cycle', () => {
    expect(violations.some((v) => v.rule.name === 'no-cycles-in-shipped-code' && v.from === 'src/ping.ts')).toBe(true);
  });

  it('finds nothing to report in the real tree', async () => {
    expect(await depcruise(ROOT, FOLDERS)).toEqual([]);
  });

  it('is what `npm run lint` runs, over the same folders', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.lint).toContain(`depcruise --config .dependency-cruiser.cjs ${FOLDERS.join(' ')}`);
  });
});

describe('no Node globals in src/core (ESLint)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  /** Lints text as if it were a file of src/core; nothing is written. */
  const problems = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'src/core/lintProbe.ts') });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it('reports Buffer and process, named directly or through globalThis', async () => {
    expect(await problems("export const b = Buffer.from('aGk=', 'base64');\n")).toEqual(['no-restricted-globals']);
    expect(await problems('export const env = process.env;\n')).toEqual(['no-restricted-globals']);
    expect(await problems('export const b = globalThis.Buffer;\n')).toEqual(['no-restricted-properties']);
  });

  it('allows the web-standard globals the core uses', async () => {
    const code = [
      "export const bytes = new TextEncoder().encode('x');",
      "export const digest = () => crypto.subtle.digest('SHA-256', bytes);",
      "export const text = atob('eA==') + new URL('https://example.com/').host;",
      'export const timer = () => clearTimeout(setTimeout(() => undefined, 1));',
      '',
    ].join('\n');
    expect(await problems(code)).toEqual([]);
  });

  it('finds nothing to report in the real src/core', async () => {
    const results = await eslint.lintFiles(['src/core']);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });
});
