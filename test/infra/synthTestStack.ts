import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_SETTINGS, type DeploymentSettings } from '../../infra/DeploymentSettings.ts';
import { HealthDataMaskingStack } from '../../infra/HealthDataMaskingStack.ts';
import { loadJsResolverCode, type JsResolverCode } from '../../infra/loadJsResolverCode.ts';

const FIXTURE_CODE = fileURLToPath(new URL('./fixtures/lambda/', import.meta.url));
let jsCode: Promise<JsResolverCode> | undefined;

/** cdk.json's feature flags (context keys with a scope, "@aws-cdk/…"), so tests synthesize what `cdk synth` does. */
export function cdkFeatureFlags(): Record<string, unknown> {
  const { context } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return Object.fromEntries(Object.entries(context).filter(([key]) => key.startsWith('@aws-cdk')));
}

export interface TestStack {
  app: App;
  stack: HealthDataMaskingStack;
  template: Template;
  jsResolverCode: JsResolverCode;
}

export interface SynthTestStackOptions {
  /** Adds constructs to the stack before it is synthesized (for tests of what the stack must reject). */
  extend?: (stack: HealthDataMaskingStack) => void;
}

/** The stack as `npm run synth` builds it, but with stand-in Lambda code: no bundling, about a second. */
export async function synthTestStack(
  settings: Partial<DeploymentSettings> = {},
  options: SynthTestStackOptions = {},
): Promise<TestStack> {
  jsCode ??= loadJsResolverCode();
  const jsResolverCode = await jsCode;
  const app = new App({ context: cdkFeatureFlags() });
  const stack = new HealthDataMaskingStack(app, 'Test', {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    jsResolverCode,
    bundle: false,
    unbundledCodeDir: FIXTURE_CODE,
  });
  options.extend?.(stack);
  return { app, stack, template: Template.fromStack(stack), jsResolverCode };
}
