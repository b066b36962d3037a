import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { DEFAULT_SETTINGS } from '../../infra/DeploymentSettings.ts';
import { HealthDataMaskingStack } from '../../infra/HealthDataMaskingStack.ts';
import { loadJsResolverCode } from '../../infra/loadJsResolverCode.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface LambdaBundles {
  /** The cdk.out directory the stack was synthesized into (in the system temp dir); the caller removes it. */
  outdir: string;
  /** Asset directories holding `index.mjs` (and the copied native packages under node_modules/). */
  graphql: string;
  worker: string;
}

/**
 * Synthesizes the real stack with bundling on, so the bundles are made by the stack's own NodejsFunction
 * options and afterBundling copy hooks, not a copy of them. The cdk.out goes to the system temp dir, far
 * from the repository, so a bundle that still needed a package from the repository's node_modules would
 * fail to load there, as it would on Lambda.
 */
export async function buildLambdaBundles(): Promise<LambdaBundles> {
  const outdir = await mkdtemp(join(tmpdir(), 'hdm-bundles-'));
  // Asset metadata names each function's staged asset directory.
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new HealthDataMaskingStack(app, 'BundleTest', {
    settings: DEFAULT_SETTINGS,
    jsResolverCode: await loadJsResolverCode(),
    projectRoot: PROJECT_ROOT,
    bundle: true,
  });
  app.synth();
  return {
    outdir,
    graphql: assetDir(stack, stack.graphqlFunction.function.node.defaultChild as CfnFunction, outdir),
    worker: assetDir(stack, stack.workerFunction.function.node.defaultChild as CfnFunction, outdir),
  };
}

/** The function's asset directory, from the `aws:asset:path` metadata CDK puts on the resource. */
function assetDir(stack: Stack, fn: CfnFunction, outdir: string): string {
  const path = fn.getMetadata('aws:asset:path') as string | undefined;
  if (!path) throw new Error(`no asset path on ${stack.resolve(fn.logicalId) as string}`);
  const dir = resolve(outdir, path);
  if (!existsSync(join(dir, 'index.mjs'))) throw new Error(`no index.mjs in ${dir}`);
  return dir;
}
