import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertLocalEsbuild,
  assertNativeBuilds,
  EsbuildNotFoundError,
  MissingNativeBuildError,
  sharpNativeBuilds,
} from '../../infra/assertNativeBuilds.ts';
import { HandlerFunction } from '../../infra/constructs/HandlerFunction.ts';
import { WORKER_COPIED_PACKAGES, WORKER_HANDLER_ENTRY } from '../../infra/HealthDataMaskingStack.ts';
import { MissingPackageError } from '../../infra/packageClosure.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in project root in the system temp dir whose node_modules holds only the named (empty) packages. */
function fakeProject(packages: string[]): string {
  // Module resolution also looks in every parent's node_modules: the temp dir must have none.
  expect(existsSync(join(tmpdir(), 'node_modules'))).toBe(false);
  const root = mkdtempSync(join(tmpdir(), 'hdm-native-'));
  dirs.push(root);
  for (const name of packages) {
    mkdirSync(join(root, 'node_modules', name), { recursive: true });
    writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '0.0.0' }));
  }
  return root;
}

function workerFunction(projectRoot: string): HandlerFunction {
  const stack = new Stack(new App(), 'Test');
  return new HandlerFunction(stack, 'Worker', {
    projectRoot,
    entry: WORKER_HANDLER_ENTRY,
    copiedPackages: WORKER_COPIED_PACKAGES,
    environment: {},
    timeout: Duration.minutes(1),
    memorySize: 1024,
    key: new Key(stack, 'Key'),
    tracing: false,
    removalPolicy: RemovalPolicy.DESTROY,
  });
}

describe('assertNativeBuilds', () => {
  it("names sharp's addon and libvips packages for each Lambda architecture", () => {
    expect(sharpNativeBuilds(Architecture.X86_64)).toEqual(['@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64']);
    expect(sharpNativeBuilds(Architecture.ARM_64)).toEqual([
      '@img/sharp-linux-arm64',
      '@img/sharp-libvips-linux-arm64',
    ]);
  });

  it('accepts a node_modules with the Linux builds for the architecture', () => {
    const root = fakeProject(['sharp', '@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64']);
    expect(() =>
      assertNativeBuilds({
        copiedPackages: ['sharp'],
        architecture: Architecture.X86_64,
        nodeModulesDir: join(root, 'node_modules'),
      }),
    ).not.toThrow();
  });

  it('refuses sharp without its libvips, naming the package and the fix', () => {
    const root = fakeProject(['sharp', '@img/sharp-linux-x64']);
    const check = () =>
      assertNativeBuilds({
        copiedPackages: ['sharp'],
        architecture: Architecture.X86_64,
        nodeModulesDir: join(root, 'node_modules'),
      });
    expect(check).toThrow(MissingNativeBuildError);
    expect(check).toThrow(
      /@img\/sharp-libvips-linux-x64 is not installed.*npm install --os=linux --cpu=x64 --libc=glibc sharp/,
    );
  });

  it("refuses a node_modules installed on another platform (a Mac's builds only)", () => {
    const root = fakeProject(['sharp', '@img/sharp-darwin-arm64', '@img/sharp-libvips-darwin-arm64']);
    expect(() =>
      assertNativeBuilds({
        copiedPackages: ['sharp'],
        architecture: Architecture.X86_64,
        nodeModulesDir: join(root, 'node_modules'),
      }),
    ).toThrow(/@img\/sharp-linux-x64 is not installed/);
    expect(() =>
      assertNativeBuilds({
        copiedPackages: ['sharp'],
        architecture: Architecture.ARM_64,
        nodeModulesDir: join(root, 'node_modules'),
      }),
    ).toThrow(/@img\/sharp-linux-arm64 is not installed/);
  });

  it('checks nothing for a function that copies no sharp', () => {
    const root = fakeProject([]);
    expect(() =>
      assertNativeBuilds({
        copiedPackages: ['tesseract.js'],
        architecture: Architecture.X86_64,
        nodeModulesDir: join(root, 'node_modules'),
      }),
    ).not.toThrow();
  });

  it('finds the x86_64 builds in this repository', () => {
    expect(() =>
      assertNativeBuilds({
        copiedPackages: ['sharp'],
        architecture: Architecture.X86_64,
        nodeModulesDir: join(PROJECT_ROOT, 'node_modules'),
      }),
    ).not.toThrow();
  });
});

describe('assertLocalEsbuild', () => {
  it('resolves esbuild from this repository', () => {
    expect(() => assertLocalEsbuild(PROJECT_ROOT)).not.toThrow();
  });

  it('refuses a project root from which esbuild does not resolve', () => {
    const root = fakeProject([]);
    expect(() => assertLocalEsbuild(root)).toThrow(EsbuildNotFoundError);
    expect(() => assertLocalEsbuild(root)).toThrow(/esbuild cannot be resolved.*Docker/);
  });
});

describe('HandlerFunction with bundling on', () => {
  it('fails the synth instead of bundling in Docker when esbuild is missing', () => {
    const root = fakeProject(['sharp', '@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64']);
    expect(() => workerFunction(root)).toThrow(EsbuildNotFoundError);
  });

  it("fails the synth when the worker's native sharp build for x86_64 is missing", () => {
    const root = fakeProject(['esbuild', 'sharp', '@img/sharp-darwin-arm64']);
    expect(() => workerFunction(root)).toThrow(MissingNativeBuildError);
    expect(() => workerFunction(root)).toThrow(/@img\/sharp-linux-x64/);
  });

  it('passes both checks when esbuild and the Linux builds are there (then needs the other copied packages)', () => {
    const root = fakeProject(['esbuild', 'sharp', '@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64']);
    // The next step, collecting the copied packages, finds the tesseract packages missing from this fake node_modules.
    expect(() => workerFunction(root)).toThrow(MissingPackageError);
    expect(() => workerFunction(root)).toThrow(/package (tesseract\.js|@tesseract\.js-data\/eng) is not installed/);
  });
});
