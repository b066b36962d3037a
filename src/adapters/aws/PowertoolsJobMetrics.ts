import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { JobKind, JobStatus } from '../../core/Job.ts';
import type { JobMetrics } from '../../core/JobMetrics.ts';
import type { PhiType } from '../../core/PhiEntity.ts';
import { POWERTOOLS_NAMES } from './powertoolsNames.ts';

type FinalStatus = Extract<JobStatus, 'SUCCEEDED' | 'FAILED'>;

/**
 * JobMetrics as CloudWatch embedded-metric-format (EMF) lines through Powertools Metrics: `Jobs` by kind and
 * status, `Findings` by PHI type, each with the `service` dimension, in POWERTOOLS_NAMES.namespace. Counts are
 * kept until flush(), which the Lambda handler calls once per invocation: one line per (kind, status) and per
 * type seen, whatever the number of jobs. An EMF line carries one set of dimensions, so each is its own
 * single metric. Dimension values are closed sets (no ids, no owners, no text).
 */
export class PowertoolsJobMetrics implements JobMetrics {
  readonly metrics: Metrics;
  private readonly jobs = new Map<string, { kind: JobKind; status: FinalStatus; count: number }>();
  private readonly findings = new Map<PhiType, number>();

  constructor(
    metrics: Metrics = new Metrics({ namespace: POWERTOOLS_NAMES.namespace, serviceName: POWERTOOLS_NAMES.service }),
  ) {
    this.metrics = metrics;
  }

  jobFinished(
    kind: JobKind,
    status: FinalStatus,
    findingCounts: ReadonlyArray<{ type: PhiType; count: number }>,
  ): void {
    const key = `${kind}:${status}`;
    const counted = this.jobs.get(key) ?? { kind, status, count: 0 };
    counted.count += 1;
    this.jobs.set(key, counted);
    for (const { type, count } of findingCounts) {
      if (count > 0) this.findings.set(type, (this.findings.get(type) ?? 0) + count);
    }
  }

  /** Writes the counts since the last flush and forgets them; nothing when no job finished. */
  flush(): void {
    for (const { kind, status, count } of this.jobs.values()) {
      this.metrics
        .singleMetric()
        .addDimensions({ kind, status })
        .addMetric(POWERTOOLS_NAMES.jobsMetric, MetricUnit.Count, count);
    }
    for (const [type, count] of this.findings) {
      this.metrics
        .singleMetric()
        .addDimensions({ type })
        .addMetric(POWERTOOLS_NAMES.findingsMetric, MetricUnit.Count, count);
    }
    this.jobs.clear();
    this.findings.clear();
  }
}
