import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { IamResource, type GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { AccountRootPrincipal, Role } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DeploymentSettings } from './DeploymentSettings.ts';
import type { JsResolverCode } from './loadJsResolverCode.ts';
import { addResolvers } from './addResolvers.ts';
import { createGraphqlApi } from './createGraphqlApi.ts';
import { functionEnvironment } from './functionEnvironment.ts';
import { grantFunctionAccess } from './grantFunctionAccess.ts';
import { HandlerFunction } from './constructs/HandlerFunction.ts';
import { GetItemDataSource } from './constructs/GetItemDataSource.ts';
import { JobQueue } from './constructs/JobQueue.ts';
import { JobRecovery } from './constructs/JobRecovery.ts';
import { JobStorage } from './constructs/JobStorage.ts';
import { Operations } from './constructs/Operations.ts';
import { AppUsers } from './constructs/AppUsers.ts';
import { addNagSuppressions } from './nagSuppressions.ts';

export { NESTED_RESOLVER_BATCH_SIZE } from './addResolvers.ts';

export interface HealthDataMaskingStackProps extends StackProps {
  settings: DeploymentSettings;
  /** From loadJsResolverCode(): the bundled APPSYNC_JS resolvers. */
  jsResolverCode: JsResolverCode;
  /** Repository root (default: the parent of infra/). */
  projectRoot?: string;
  /** Bundle the Lambda handlers (default true); template tests pass false with `unbundledCodeDir`. */
  bundle?: boolean;
  unbundledCodeDir?: string;
}

/** The Lambda handler files, relative to the repository root. */
export const GRAPHQL_HANDLER_ENTRY = 'resolvers/handlers/graphqlHandler.ts';
export const WORKER_HANDLER_ENTRY = 'resolvers/handlers/workerHandler.ts';

/**
 * The field the functions publish job updates through: an APPSYNC_JS resolver on a NONE data source
 * (resolvers/appsync/Mutation.publishJobUpdate.ts) whose result AppSync fans out to subscribers.
 */
export const PUBLISH_FIELD = 'Mutation.publishJobUpdate';

/**
 * Fields a client may call; the example client role gets exactly these. publishJobUpdate is the worker's.
 * `Job`'s two fields have their own Lambda resolvers. AppSync's documentation does not say whether it checks
 * IAM on such nested fields, so the role is granted them too: harmless if it does not check, needed if it does.
 */
export const CLIENT_FIELDS = {
  Query: ['job', 'jobs', 'findings'],
  Mutation: ['maskText', 'maskImage', 'createImageUpload'],
  Subscription: ['onJobUpdated', 'onJobsUpdated'],
  Job: ['findings', 'maskedImage'],
} as const;

/**
 * Native and file-loading packages copied beside the worker's bundle (see HandlerFunction). The API
 * function's bundle needs none: it never opens an image (createAwsServices without image engines).
 */
export const WORKER_COPIED_PACKAGES = ['sharp', 'tesseract.js', '@tesseract.js-data/eng'];

/**
 * Most worker invocations the SQS event source runs at once (its maxConcurrency). It bounds the Comprehend
 * Medical and Rekognition calls per second (a few per image) and the Lambda concurrency the worker takes from
 * the account's pool, without reserving any of it; extra jobs wait in the queue.
 */
export const WORKER_MAX_CONCURRENCY = 5;

const DEFAULT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * health-data-masking on AWS: AppSync (IAM auth) with a Direct Lambda resolver per business field, APPSYNC_JS
 * resolvers for publishJobUpdate and the subscriptions, an image worker behind SQS, DynamoDB and S3 under one
 * customer-managed KMS key, and least-privilege roles. See infra/README.md.
 */
export class HealthDataMaskingStack extends Stack {
  readonly api: GraphqlApi;
  readonly storage: JobStorage;
  readonly jobQueue: JobQueue;
  readonly graphqlFunction: HandlerFunction;
  readonly workerFunction: HandlerFunction;
  readonly exampleClientRole?: Role;
  /** The group AppSync writes its field logs to (errors only, no bodies). */
  readonly apiLogGroup: LogGroup;
  /** The job table as a data source for Subscription.onJobUpdated (GetItem only). */
  readonly jobTableSource: GetItemDataSource;
  /** The role AppSync writes its field logs with: only to apiLogGroup. */
  readonly apiLogsRole: Role;
  /** The Cognito user and identity pools for app users (setting `appUsers`, default on). */
  readonly appUsers?: AppUsers;
  /** The roles whose sessions Mutation.publishJobUpdate accepts (grantPublish): the stack's own functions. */
  private readonly publisherRoleNames: string[] = [];

  constructor(scope: Construct, id: string, props: HealthDataMaskingStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const projectRoot = props.projectRoot ?? DEFAULT_ROOT;
    const removalPolicy = settings.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    // The construct ids and the order below are the template's logical ids and order: keep both.
    this.storage = new JobStorage(this, 'Storage', {
      retentionDays: settings.retentionDays,
      inputRetentionDays: settings.inputRetentionDays,
      removalPolicy,
      corsOrigins: settings.corsOrigins,
    });
    const { key, table, inputBucket, outputBucket } = this.storage;
    // The log groups are encrypted with the same key: JobStorage's key policy lets CloudWatch Logs use it.
    const { api, apiLogsRole, apiLogGroup } = createGraphqlApi(this, {
      settings,
      projectRoot,
      key,
      removalPolicy,
      publisherRoleNames: this.publisherRoleNames,
    });
    this.api = api;
    this.apiLogsRole = apiLogsRole;
    this.apiLogGroup = apiLogGroup;

    const workerTimeout = Duration.minutes(5);
    this.jobQueue = new JobQueue(this, 'Jobs', { key, workerTimeout });
    const { queue } = this.jobQueue;

    const environment = functionEnvironment(this.api, this.storage, queue, settings);
    const functionDefaults = {
      projectRoot,
      bundle: props.bundle ?? true,
      unbundledCodeDir: props.unbundledCodeDir,
      key,
      tracing: settings.xray,
      removalPolicy,
    };
    this.graphqlFunction = new HandlerFunction(this, 'GraphqlHandler', {
      ...functionDefaults,
      entry: GRAPHQL_HANDLER_ENTRY,
      environment,
      // AppSync gives up on a resolver after 30 s.
      timeout: Duration.seconds(30),
      memorySize: 1024,
    });
    this.workerFunction = new HandlerFunction(this, 'Worker', {
      ...functionDefaults,
      entry: WORKER_HANDLER_ENTRY,
      copiedPackages: WORKER_COPIED_PACKAGES,
      environment,
      timeout: workerTimeout,
      // sharp and OCR of a full page need memory; Lambda's CPU share grows with it.
      memorySize: 2048,
    });
    const graphqlFn = this.graphqlFunction.function;
    const workerFn = this.workerFunction.function;
    // One image per invocation: each gets the whole timeout, and a failure retries only that image.
    workerFn.addEventSource(
      new SqsEventSource(queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: WORKER_MAX_CONCURRENCY,
      }),
    );
    const grantPublish = (fn: HandlerFunction['function']) => this.grantPublish(fn);
    // No job stays QUEUED or RUNNING for good: a scheduled sweeper and a dead-letter consumer (constructs/JobRecovery.ts).
    new JobRecovery(this, 'Recovery', {
      ...functionDefaults,
      environment,
      table,
      inputBucket,
      jobQueue: this.jobQueue,
      runners: { worker: workerFn, resolver: graphqlFn },
      grantPublish,
    });
    grantFunctionAccess({ graphqlFn, workerFn, storage: this.storage, queue, settings, grantPublish });

    this.jobTableSource = new GetItemDataSource(this, 'JobTableSource', { api: this.api, table, key });
    addResolvers(this.api, { graphqlFn, jobTableSource: this.jobTableSource, jsResolverCode: props.jsResolverCode });
    if (settings.exampleClientRole) this.exampleClientRole = addExampleClientRole(this, this.api);
    if (settings.appUsers)
      this.appUsers = new AppUsers(this, 'AppUsers', { api: this.api, clientFields: CLIENT_FIELDS, removalPolicy });

    new CfnOutput(this, 'GraphqlUrl', { value: this.api.graphqlUrl });
    new CfnOutput(this, 'ApiId', { value: this.api.apiId });
    new CfnOutput(this, 'InputBucketName', { value: inputBucket.bucketName });
    new CfnOutput(this, 'OutputBucketName', { value: outputBucket.bucketName });
    new CfnOutput(this, 'TableName', { value: table.tableName });

    new Operations(this, 'Operations', {
      key,
      api: this.api,
      apiFunction: graphqlFn,
      jobQueue: this.jobQueue,
      table,
      alarmEmail: this.node.tryGetContext('alarmEmail'),
    });
    addNagSuppressions(this);
  }

  /**
   * Lets one of the stack's functions publish job updates: `appsync:GraphQL` on Mutation.publishJobUpdate, and its
   * role among PUBLISHER_ROLE_NAMES, the only roles whose sessions the field's resolver accepts (any other caller,
   * even one granted `apis/<id>/*`, gets Unauthorized). Every function that publishes must be added here.
   */
  grantPublish(fn: HandlerFunction['function']): void {
    if (!fn.role) throw new Error('grantPublish: the function has no role');
    this.api.grantMutation(fn, 'publishJobUpdate');
    this.publisherRoleNames.push(fn.role.roleName);
  }
}

/** An example caller (setting `exampleClientRole`): any principal of the account, granted each client field. */
function addExampleClientRole(stack: Stack, api: GraphqlApi): Role {
  const role = new Role(stack, 'ExampleClientRole', {
    assumedBy: new AccountRootPrincipal(),
    description: 'health-data-masking: an example caller, granted each client field and nothing else',
  });
  api.grantQuery(role, ...CLIENT_FIELDS.Query);
  api.grantMutation(role, ...CLIENT_FIELDS.Mutation);
  api.grantSubscription(role, ...CLIENT_FIELDS.Subscription);
  api.grant(role, IamResource.ofType('Job', ...CLIENT_FIELDS.Job), 'appsync:GraphQL');
  new CfnOutput(stack, 'ExampleClientRoleArn', { value: role.roleArn });
  return role;
}
