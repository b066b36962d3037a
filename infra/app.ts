import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { readDeploymentSettings } from './DeploymentSettings.ts';
import { HealthDataMaskingStack } from './HealthDataMaskingStack.ts';
import { loadJsResolverCode } from './loadJsResolverCode.ts';

// `npx cdk synth` / `deploy` run this (cdk.json). The stack is environment-agnostic unless the CLI's
// account and region are known, so synth needs no credentials and no network.
const app = new App();
const settings = readDeploymentSettings(app.node);
const jsResolverCode = await loadJsResolverCode();
new HealthDataMaskingStack(app, app.node.tryGetContext('stackName') ?? 'HealthDataMasking', {
  settings,
  jsResolverCode,
  description: 'health-data-masking: find and mask PHI in clinical text and images (AppSync, Lambda, DynamoDB, S3)',
  env:
    process.env.CDK_DEFAULT_ACCOUNT && process.env.CDK_DEFAULT_REGION
      ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
      : undefined,
});
// cdk-nag 3 runs as a validation plugin: any unacknowledged finding stops the synth with a report.
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app, { verbose: true }),
  new HIPAASecurityChecks(app, { verbose: true }),
);
app.synth();
