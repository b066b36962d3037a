import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { QUEUE_RETENTION_MS } from '../../src/core/sweepJobs.ts';

export interface JobQueueProps {
  key: IKey;
  /** The worker's timeout: the visibility timeout must outlast it (6x, as the Lambda docs advise for SQS). */
  workerTimeout: Duration;
  /** Receives before a message goes to the dead-letter queue (default 3). */
  maxReceiveCount?: number;
  /** Alarm when the oldest message is older than this (default 15 minutes). */
  maxMessageAge?: Duration;
  /**
   * Alarm when more messages than this wait to be received for 5 minutes in a row (default 100). With the
   * worker's bounded concurrency, a backlog this deep means many minutes of waiting for the jobs at its end.
   */
  maxQueueDepth?: number;
}

/** The image job queue, its dead-letter queue, and alarms on dead letters, on a stalled worker and on a backlog. */
export class JobQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly ageAlarm: Alarm;
  readonly depthAlarm: Alarm;

  constructor(scope: Construct, id: string, props: JobQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.workerTimeout.toSeconds() * 6),
      // The sweeper fails a QUEUED job only once its messages have surely expired: the same figure (sweepJobs.ts).
      retentionPeriod: Duration.millis(QUEUE_RETENTION_MS),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 3 },
    });
    // Any dead letter is a job a client waits on in vain: alarm on the first one.
    this.deadLetterAlarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'Image jobs reached the dead-letter queue',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.ageAlarm = new Alarm(this, 'AgeAlarm', {
      alarmDescription: 'The oldest queued image job is waiting too long',
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
      threshold: (props.maxMessageAge ?? Duration.minutes(15)).toSeconds(),
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    // The age alarm sees a stalled worker; this one sees a flood the worker keeps up with too slowly.
    this.depthAlarm = new Alarm(this, 'DepthAlarm', {
      alarmDescription: 'Too many image jobs are waiting in the queue',
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: props.maxQueueDepth ?? 100,
      evaluationPeriods: 5,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** Every alarm; Operations (infra/constructs/Operations.ts) makes the alarm topic the action of each. */
  get alarms(): Alarm[] {
    return [this.deadLetterAlarm, this.ageAlarm, this.depthAlarm];
  }
}
