import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_SETTINGS, type DeploymentSettings } from '../../infra/DeploymentSettings.ts';
import { HealthDataMaskingStack } from '../../infra/HealthDataMaskingStack.ts';
import { loadJsResolverCode, type JsResolverCode } from '../../infra/loadJsResolverCode.ts';

const FIXTURE_CODE = fileURLToPath(new URL('./fixtures/lambda/', import.meta.url));
let jsCode: Promise<JsResolverCode> | undefined;

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
export async function synthTestStack(settings: Partial<DeploymentSettings> = {}, options: SynthTestStackOptions = {}): Promise<TestStack> {
  jsCode ??= loadJsResolverCode();
  const jsResolverCode = await jsCode;
  const app = new App();
  const stack = new HealthDataMaskingStack(app, 'Test', {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    jsResolverCode,
    bundle: false,
    unbundledCodeDir: FIXTURE_CODE,
  });
  options.extend?.(stack);
  return { app, stack, template: Template.fromStack(stack), jsResolverCode };
}
