import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import type { AppUsers } from './constructs/AppUsers.ts';
import type { GetItemDataSource } from './constructs/GetItemDataSource.ts';
import type { HandlerFunction } from './constructs/HandlerFunction.ts';
import { JobRecovery } from './constructs/JobRecovery.ts';
import type { JobStorage } from './constructs/JobStorage.ts';

/**
 * The parts of HealthDataMaskingStack the suppressions name. Declared here rather than importing the stack,
 * which imports this file: the two would form a cycle.
 */
export interface NaggedStack extends Stack {
  readonly storage: JobStorage;
  readonly api: GraphqlApi;
  readonly graphqlFunction: HandlerFunction;
  readonly workerFunction: HandlerFunction;
  readonly apiLogsRole: Role;
  readonly jobTableSource: GetItemDataSource;
  readonly exampleClientRole?: Role;
  readonly appUsers?: AppUsers;
}

/**
 * Every cdk-nag finding the stack accepts (AwsSolutions and HIPAA.Security packs), each with its reason, on the
 * narrowest construct that carries it. cdk-nag 3 acknowledges findings one by one (`Rule[finding]`), so a new
 * wildcard or a new resource still fails the synth and the tests.
 */
export function addNagSuppressions(stack: NaggedStack): void {
  const { storage, api, graphqlFunction, workerFunction } = stack;
  const arnOf = nagArnOf;
  const table = arnOf(storage.table);
  const input = arnOf(storage.inputBucket);
  const output = arnOf(storage.outputBucket);

  for (const fn of [graphqlFunction, workerFunction]) {
    const policy = fn.role;
    acknowledge(
      policy,
      `AwsSolutions-IAM5[Resource::${table}/index/*]`,
      "The job store queries the table's two GSIs (GSI1, GSI2); IAM names an index only by ARN, and this is the table's own indexes.",
    );
    acknowledge(
      policy,
      `AwsSolutions-IAM5[Resource::${input}/*]`,
      'Object keys are per job and unknown at deploy time; the actions are the few object actions the function calls, on this one bucket.',
    );
    acknowledge(
      policy,
      `AwsSolutions-IAM5[Resource::${output}/*]`,
      'Object keys are per job and unknown at deploy time; the actions are the few object actions the function calls, on this one bucket.',
    );
    acknowledge(
      policy,
      'AwsSolutions-IAM5[Resource::*]',
      'Only comprehendmedical:DetectPHI and rekognition:DetectText are on "*": neither action has a resource type, so IAM accepts nothing narrower.',
    );
    acknowledge(
      fn.function,
      'AwsSolutions-L1',
      'Node 22 is the runtime the handlers and their bundles are tested on; moving to Node 24 is a tested upgrade, not a deploy-time change.',
    );
    acknowledge(
      fn.function,
      'HIPAA.Security-LambdaInsideVPC',
      'The functions reach only AWS service endpoints over TLS with IAM auth; a VPC would add NAT or endpoint costs with no data path to protect.',
    );
  }
  acknowledge(
    graphqlFunction.function,
    'HIPAA.Security-LambdaConcurrency',
    "Reserved concurrency would take from a small account's shared pool; the function serves only IAM-authorized AppSync calls, and a deployer expecting bursts can reserve some.",
  );
  acknowledge(
    workerFunction.function,
    'HIPAA.Security-LambdaConcurrency',
    "Reserved concurrency would take from a small account's shared pool; the SQS event source's maximum concurrency (WORKER_MAX_CONCURRENCY) bounds the worker instead, and extra jobs wait in the queue.",
  );
  acknowledge(
    graphqlFunction.function,
    'HIPAA.Security-LambdaDLQ',
    'AppSync invokes this function synchronously and gets every error back; a DLQ applies only to asynchronous invocations.',
  );
  acknowledge(
    workerFunction.function,
    'HIPAA.Security-LambdaDLQ',
    "SQS invokes the worker; messages that keep failing go to the job queue's own dead-letter queue, which has an alarm.",
  );

  addRecoveryNagSuppressions(stack);

  const apiResource = api.node.defaultChild as IConstruct;
  acknowledge(
    apiResource,
    'AwsSolutions-ASC3',
    'Field logs are on at ERROR, but verbose content (request and response bodies) is excluded on purpose: those bodies hold PHI.',
  );
  const resolverSource = api.node.tryFindChild('ResolverFunction');
  if (resolverSource)
    acknowledge(
      resolverSource,
      `AwsSolutions-IAM5[Resource::${arnOf(graphqlFunction.function)}:*]`,
      'CDK grants AppSync lambda:InvokeFunction on the function and its versions (":*"); it is this one function.',
    );

  acknowledge(
    storage.table,
    'HIPAA.Security-DynamoDBInBackupPlan',
    "Point-in-time recovery (35 days) covers the table, whose job records expire after retentionDays; an AWS Backup plan is the deployer's choice on top.",
  );

  for (const bucket of [storage.accessLogBucket, storage.inputBucket, storage.outputBucket]) {
    acknowledge(
      bucket,
      'HIPAA.Security-S3BucketReplicationEnabled',
      'Objects are short-lived working copies (expiring in days); copying PHI to a second region is a decision for the deployer, not a default.',
    );
  }
  acknowledge(
    storage.accessLogBucket,
    'HIPAA.Security-S3DefaultEncryptionKMS',
    'S3 server access logs can be delivered only to a bucket with SSE-S3 encryption; the logs hold request metadata, never object contents.',
  );
  acknowledge(
    storage.inputBucket,
    'HIPAA.Security-S3BucketVersioningEnabled',
    'Inputs are read once and expire within days; versions would only keep PHI longer than needed.',
  );

  // App users' role: the identity pool's authenticated role, granted the client fields (AppUsers).
  const appUsersRole = stack.appUsers?.identityPool.authenticatedRole;
  if (appUsersRole) {
    acknowledge(
      appUsersRole,
      'HIPAA.Security-IAMNoInlinePolicy',
      "The identity pool's authenticated role is the stack's own and only Cognito identities of this pool may assume it; CDK's AppSync grants write its inline policy of named client fields, and a managed policy would add reuse nobody needs.",
    );
  }

  // CDK's grant model writes one inline policy per role. Acknowledged role by role, so an inline policy on any
  // other role or principal still fails.
  for (const role of rolesWithInlinePolicies(stack)) {
    acknowledge(
      role,
      'HIPAA.Security-IAMNoInlinePolicy',
      "This role is the stack's own, assumed by one principal; CDK grants write its inline policy, and a managed policy would add reuse nobody needs.",
    );
  }
}

/** The job recovery functions (JobRecovery): the same reasons as the other functions', and their own for a DLQ. */
function addRecoveryNagSuppressions(stack: NaggedStack): void {
  const recovery = JobRecovery.of(stack);
  if (!recovery) return;
  for (const fn of [recovery.sweeper, recovery.deadLetterConsumer]) {
    acknowledge(
      fn.function,
      'AwsSolutions-L1',
      'Node 22 is the runtime the handlers and their bundles are tested on; moving to Node 24 is a tested upgrade, not a deploy-time change.',
    );
    acknowledge(
      fn.function,
      'HIPAA.Security-LambdaInsideVPC',
      'The functions reach only AWS service endpoints over TLS with IAM auth; a VPC would add NAT or endpoint costs with no data path to protect.',
    );
    acknowledge(
      fn.function,
      'HIPAA.Security-LambdaConcurrency',
      "Reserved concurrency would take from a small account's shared pool; the schedule (one run every 5 minutes) and the event source's maximum concurrency of 2 bound these functions instead.",
    );
    acknowledge(
      fn.role,
      'HIPAA.Security-IAMNoInlinePolicy',
      "This role is the stack's own, assumed by one principal; CDK grants write its inline policy, and a managed policy would add reuse nobody needs.",
    );
  }
  const inputs = `${nagArnOf(stack.storage.inputBucket)}/inputs/*`;
  for (const fn of [recovery.sweeper, recovery.deadLetterConsumer]) {
    acknowledge(
      fn.role,
      `AwsSolutions-IAM5[Resource::${inputs}]`,
      'A job the recovery fails has its allow/deny terms and queued note deleted (inputs/<job id>/); job ids are unknown at deploy time, and the one action is s3:DeleteObject under that prefix.',
    );
  }
  acknowledge(
    recovery.sweeper.function,
    'HIPAA.Security-LambdaDLQ',
    'EventBridge invokes the sweeper every 5 minutes; a failed run is retried by Lambda and the next run does the same work again, so a dead-letter queue would hold nothing to act on.',
  );
  acknowledge(
    recovery.deadLetterConsumer.function,
    'HIPAA.Security-LambdaDLQ',
    "This function consumes the job queue's dead-letter queue through an SQS event source: a record it cannot handle stays in that queue (14 days) and is delivered again.",
  );
}

/** The stack's roles whose permissions CDK writes as an inline (default) policy. */
function rolesWithInlinePolicies(stack: NaggedStack): IConstruct[] {
  const roles: Array<IConstruct | undefined> = [
    stack.graphqlFunction.role,
    stack.workerFunction.role,
    stack.apiLogsRole,
    stack.jobTableSource.role,
    stack.api.node.tryFindChild('ResolverFunction')?.node.tryFindChild('ServiceRole'),
    stack.exampleClientRole,
  ];
  return roles.filter((role): role is IConstruct => role !== undefined);
}

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** For tests: the logical id string cdk-nag shows for a construct's ARN. */
export function nagArnOf(element: IConstruct): string {
  return `<${Stack.of(element).getLogicalId(element.node.defaultChild as CfnElement)}.Arn>`;
}
