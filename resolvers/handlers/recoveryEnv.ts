/*
 * The recovery functions' variable names, where the CDK app (infra/constructs/JobRecovery.ts) and the template
 * tests find them. They are defined with the other settings in src/config/AwsSettings.ts (loadConfig reads them);
 * this module stays apart from recoverySettings.ts so that the CDK app reads the names without loading any wiring.
 */
export { RECOVERY_ENV } from '../../src/config/AwsSettings.ts';
