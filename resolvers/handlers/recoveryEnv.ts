/**
 * The environment variables of the recovery functions (sweeper, dead-letter consumer) beyond AWS_ENV: the time
 * limits they judge RUNNING jobs by. The CDK stack sets them from the image worker's and the API function's own
 * timeouts (infra/constructs/JobRecovery.ts), so the sweep's limits follow the functions' however those change.
 * Apart from recoverySettings.ts so that the CDK app reads the names without loading the AWS wiring.
 */
export const RECOVERY_ENV = {
  workerTimeoutSeconds: 'HDM_WORKER_TIMEOUT_SECONDS',
  resolverTimeoutSeconds: 'HDM_RESOLVER_TIMEOUT_SECONDS',
} as const;
