import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct, type IConstruct } from 'constructs';
import { RECOVERY_ENV } from '../../resolvers/handlers/recoveryEnv.ts';
import { GSI3 } from '../../src/adapters/dynamodb/tableDesign.ts';
import { HandlerFunction, type HandlerFunctionProps } from './HandlerFunction.ts';
import type { JobQueue } from './JobQueue.ts';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

export const SWEEPER_HANDLER_ENTRY = 'resolvers/handlers/sweeperHandler.ts';
export const DEAD_LETTER_HANDLER_ENTRY = 'resolvers/handlers/deadLetterHandler.ts';
/** How often the sweeper runs: a stuck job is found within this of passing its time limit. */
export const SWEEP_INTERVAL = Duration.minutes(5);

export interface JobRecoveryProps extends Pick<
  HandlerFunctionProps,
  'projectRoot' | 'bundle' | 'unbundledCodeDir' | 'key' | 'tracing' | 'removalPolicy'
> {
  /** The variables every function gets (AWS_ENV); the recovery functions add RECOVERY_ENV. */
  environment: Record<string, string>;
  table: ITable;
  /** Where a failed job's terms and queued note wait: a job the recovery fails has them deleted (discardTerms). */
  inputBucket: IBucket;
  jobQueue: JobQueue;
  /** The functions whose timeouts bound a RUNNING job: the image worker (IMAGE jobs) and the API function (TEXT jobs). */
  runners: { worker: Pick<LambdaFunction, 'timeout'>; resolver: Pick<LambdaFunction, 'timeout'> };
  /** The stack's way to let a function publish (HealthDataMaskingStack.grantPublish: the IAM grant and the resolver's role list). */
  grantPublish: (fn: HandlerFunction['function']) => void;
}

/**
 * No job stays QUEUED or RUNNING for good (src/core/sweepJobs.ts): a sweeper on an EventBridge schedule fails
 * jobs RUNNING past their runner's timeout and re-queues, then fails, jobs QUEUED too long; a consumer of the job
 * queue's dead-letter queue fails each dead letter's job. Both publish every FAILED through publishJobUpdate.
 */
export class JobRecovery extends Construct {
  readonly sweeper: HandlerFunction;
  readonly deadLetterConsumer: HandlerFunction;
  readonly schedule: Rule;

  /** The stack's JobRecovery, for code that only has the stack (nagSuppressions.ts). */
  static of(scope: IConstruct): JobRecovery | undefined {
    return scope.node.children.find((child): child is JobRecovery => child instanceof JobRecovery);
  }

  constructor(scope: Construct, id: string, props: JobRecoveryProps) {
    super(scope, id);
    const { environment, jobQueue, runners } = props;
    const functionDefaults = {
      projectRoot: props.projectRoot,
      bundle: props.bundle,
      unbundledCodeDir: props.unbundledCodeDir,
      key: props.key,
      tracing: props.tracing,
      removalPolicy: props.removalPolicy,
    };
    const recoveryEnvironment = {
      ...environment,
      [RECOVERY_ENV.workerTimeoutSeconds]: String(timeoutOf(runners.worker).toSeconds()),
      [RECOVERY_ENV.resolverTimeoutSeconds]: String(timeoutOf(runners.resolver).toSeconds()),
    };
    this.sweeper = new HandlerFunction(this, 'Sweeper', {
      ...functionDefaults,
      entry: SWEEPER_HANDLER_ENTRY,
      environment: recoveryEnvironment,
      // A sweep acts on 1,000 jobs at most (a write and a publish each: about two minutes); the next run goes on.
      timeout: SWEEP_INTERVAL,
      memorySize: 512,
    });
    this.deadLetterConsumer = new HandlerFunction(this, 'DeadLetterConsumer', {
      ...functionDefaults,
      entry: DEAD_LETTER_HANDLER_ENTRY,
      environment: recoveryEnvironment,
      // Lambda refuses an SQS event source whose queue's visibility timeout (the dead-letter queue's: 30 s) is
      // shorter than the function's timeout. Ten records of two requests and a publish each take a few seconds.
      timeout: Duration.seconds(30),
      memorySize: 512,
    });
    this.schedule = new Rule(this, 'SweepSchedule', {
      description: 'health-data-masking: fail or re-queue jobs stuck QUEUED or RUNNING',
      schedule: Schedule.rate(SWEEP_INTERVAL),
      targets: [new LambdaTarget(this.sweeper.function)],
    });
    // Dead letters are rare: small batches, two invocations at most (SQS's lowest maximum concurrency).
    this.deadLetterConsumer.function.addEventSource(
      new SqsEventSource(jobQueue.deadLetterQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 2 }),
    );
    this.grant(props);
  }

  /** Least privilege, action by action (the adapters' calls), as the stack grants its other functions. */
  private grant({ table, key, inputBucket, jobQueue, grantPublish }: JobRecoveryProps): void {
    const sweeper = this.sweeper.function;
    const consumer = this.deadLetterConsumer.function;
    // Both read a job and write its status (UpdateItem; GetItem also tells a missing job from a finished one).
    for (const fn of [sweeper, consumer]) {
      allow(fn, ['dynamodb:GetItem', 'dynamodb:UpdateItem'], [table.tableArn]);
      allow(fn, ['kms:Decrypt', 'kms:GenerateDataKey'], [key.keyArn]);
      // Ending a job deletes its allow/deny terms and a queued note (PHI) under inputs/<id>/: nothing else.
      allow(fn, ['s3:DeleteObject'], [inputBucket.arnForObjects('inputs/*')]);
      grantPublish(fn);
    }
    // The sweeper finds stuck jobs on the open-jobs index only, and re-queues them.
    allow(sweeper, ['dynamodb:Query'], [`${table.tableArn}/index/${GSI3}`]);
    allow(sweeper, ['sqs:SendMessage'], [jobQueue.queue.queueArn]);
    // The consumer's receive and delete on the dead-letter queue come with its event source.
  }
}

function timeoutOf(fn: Pick<LambdaFunction, 'timeout'>): Duration {
  if (!fn.timeout) throw new Error('JobRecovery: a runner function must have an explicit timeout');
  return fn.timeout;
}

function allow(grantee: IGrantable, actions: string[], resources: string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources }));
}
