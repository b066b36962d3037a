import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Architecture } from 'aws-cdk-lib/aws-lambda';

/**
 * Checks run before a Lambda function is bundled on this machine. Both failures would otherwise surface late
 * or not at all: a missing native sharp build makes a bundle that synthesizes and deploys but fails on its first
 * image, and a missing esbuild makes aws-lambda-nodejs quietly bundle in Docker instead.
 */

/** sharp's platform packages: the addon and its libvips, both needed at run time on Lambda (Linux, glibc). */
export function sharpNativeBuilds(architecture: Architecture): string[] {
  const cpu = ({ [Architecture.X86_64.name]: 'x64', [Architecture.ARM_64.name]: 'arm64' } as Record<string, string>)[
    architecture.name
  ];
  if (!cpu) throw new Error(`no sharp build is known for the Lambda architecture ${architecture.name}`);
  return [`@img/sharp-linux-${cpu}`, `@img/sharp-libvips-linux-${cpu}`];
}

export interface NativeBuildsOptions {
  /** The packages copied beside the bundle; the check applies only if `sharp` is one of them. */
  copiedPackages: readonly string[];
  architecture: Architecture;
  nodeModulesDir: string;
}

/** Throws MissingNativeBuildError unless every native build the copied packages need is installed. */
export function assertNativeBuilds(options: NativeBuildsOptions): void {
  if (!options.copiedPackages.includes('sharp')) return;
  for (const name of sharpNativeBuilds(options.architecture)) {
    if (!existsSync(join(options.nodeModulesDir, name, 'package.json'))) {
      throw new MissingNativeBuildError(name, options.architecture.name, options.nodeModulesDir);
    }
  }
}

/**
 * Throws EsbuildNotFoundError unless esbuild resolves from the project root. aws-lambda-nodejs falls back to
 * bundling in Docker when it finds no esbuild, even with forceDockerBundling false; this stack never uses Docker.
 */
export function assertLocalEsbuild(projectRoot: string): void {
  try {
    createRequire(join(projectRoot, 'package.json')).resolve('esbuild/package.json');
  } catch (error) {
    throw new EsbuildNotFoundError(projectRoot, { cause: error });
  }
}

export class MissingNativeBuildError extends Error {
  constructor(
    readonly packageName: string,
    readonly architecture: string,
    readonly nodeModulesDir: string,
    options?: ErrorOptions,
  ) {
    super(missingNativeBuildMessage(packageName, architecture, nodeModulesDir), options);
    this.name = 'MissingNativeBuildError';
  }
}

function missingNativeBuildMessage(packageName: string, architecture: string, nodeModulesDir: string): string {
  const cpu = architecture === 'arm64' ? 'arm64' : 'x64';
  return (
    `${packageName} is not installed in ${nodeModulesDir}, but the Lambda worker (${architecture}) needs it to load sharp. ` +
    `Fix: run \`npm ci\` on linux-${cpu}, or add the build with \`npm install --os=linux --cpu=${cpu} --libc=glibc sharp\` ` +
    "(sharp's documented cross-platform install)."
  );
}

export class EsbuildNotFoundError extends Error {
  constructor(
    readonly projectRoot: string,
    options?: ErrorOptions,
  ) {
    super(
      `esbuild cannot be resolved from ${projectRoot}; without it aws-lambda-nodejs would bundle in Docker, which this stack never uses. ` +
        'Fix: run `npm ci` in the project root (esbuild is a devDependency).',
      options,
    );
    this.name = 'EsbuildNotFoundError';
  }
}
