/**
 * Names the Lambda functions' Powertools instances write under and the CDK stack's alarms and dashboard read
 * (infra/constructs/Operations.ts): one source for both sides, so an alarm cannot watch a metric nobody emits.
 * Kept free of Powertools imports, so the CDK app loads it without them.
 */
export const POWERTOOLS_NAMES = {
  /** The `service` key of every log line and the `service` dimension of every metric, in both functions. */
  service: 'health-data-masking',
  /** CloudWatch namespace of the job metrics. */
  namespace: 'HealthDataMasking',
  /** Finished jobs, dimensions service, kind (TEXT | IMAGE), status (SUCCEEDED | FAILED); unit Count. */
  jobsMetric: 'Jobs',
  /** Findings of finished jobs, dimensions service, type (a PhiType); unit Count. */
  findingsMetric: 'Findings',
} as const;
