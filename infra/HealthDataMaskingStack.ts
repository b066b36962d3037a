import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { CfnOutput, Duration, Lazy, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AuthorizationType, Code, Definition, FieldLogLevel, FunctionRuntime, GraphqlApi, IamResource, type BaseDataSource,
} from 'aws-cdk-lib/aws-appsync';
import { AccountRootPrincipal, PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { FIELD_RESOLVERS } from '../resolvers/fieldResolvers.ts';
import { JS_RESOLVERS } from '../resolvers/appsync/jsResolvers.ts';
import { type DeploymentSettings, requestLimits } from './DeploymentSettings.ts';
import { publisherEnvironment, type JsResolverCode } from './loadJsResolverCode.ts';
import { HandlerFunction } from './constructs/HandlerFunction.ts';
import { GetItemDataSource } from './constructs/GetItemDataSource.ts';
import { JobQueue } from './constructs/JobQueue.ts';
import { JobRecovery } from './constructs/JobRecovery.ts';
import { JobStorage } from './constructs/JobStorage.ts';
import { Operations } from './constructs/Operations.ts';
import { AppUsers } from './constructs/AppUsers.ts';
import { addNagSuppressions } from './nagSuppressions.ts';
import { DEFAULT_SYNC_TEXT_LENGTH } from '../src/core/JobServices.ts';

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

/**
 * The nested fields' resolvers (Job.findings, Job.maskedImage) batch: AppSync invokes the function once for up to
 * this many jobs of a page (BatchInvoke, an array of events) instead of once per job. The events carry their
 * parent job, up to DynamoDB's 400 KB item each, and an invocation's request is at most 6 MB: 10 stays under 4 MB.
 */
export const NESTED_RESOLVER_BATCH_SIZE = 10;

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

    this.storage = new JobStorage(this, 'Storage', {
      retentionDays: settings.retentionDays,
      inputRetentionDays: settings.inputRetentionDays,
      removalPolicy,
      corsOrigins: settings.corsOrigins,
    });
    const { key, table, inputBucket, outputBucket } = this.storage;
    // The log groups are encrypted with the same key: JobStorage's key policy lets CloudWatch Logs use it.

    this.apiLogsRole = new Role(this, 'ApiLogsRole', {
      assumedBy: new ServicePrincipal('appsync.amazonaws.com'),
      description: 'health-data-masking: AppSync writes the API\'s field logs to its own log group',
    });
    this.api = new GraphqlApi(this, 'Api', {
      name: 'health-data-masking',
      definition: Definition.fromFile(join(projectRoot, 'schema.graphql')),
      authorizationConfig: { defaultAuthorization: { authorizationType: AuthorizationType.IAM } },
      // Errors only, and never request or response bodies: those hold PHI.
      // Our own role: CDK's default has the AWS managed AWSAppSyncPushToCloudWatchLogs policy, on every log group.
      logConfig: { fieldLogLevel: FieldLogLevel.ERROR, excludeVerboseContent: true, role: this.apiLogsRole },
      xrayEnabled: settings.xray,
      // AppSync's request limits, the same as the local server's (src/config.ts, depth 15 and 1000 resolvers): one
      // request cannot hold the API. The local server's own rules (mask inputs, response fields) have no AppSync setting.
      ...requestLimits(settings),
    });
    // Who may publish job updates, for the publishJobUpdate resolver (ctx.env): filled in by grantPublish.
    const publishers = publisherEnvironment(this.account, Lazy.string({ produce: () => this.publisherRoleNames.join(',') }));
    for (const [name, value] of Object.entries(publishers)) this.api.addEnvironmentVariable(name, value);
    this.apiLogGroup = this.ownApiLogGroup(key, removalPolicy);
    // CreateLogStream and PutLogEvents on this one group; no CreateLogGroup, as the stack creates the group.
    this.apiLogGroup.grantWrite(this.apiLogsRole);

    const workerTimeout = Duration.minutes(5);
    this.jobQueue = new JobQueue(this, 'Jobs', { key, workerTimeout });
    const { queue } = this.jobQueue;

    // The names src/awsServices.ts (AWS_ENV) reads; a template test checks the two lists agree.
    const environment = {
      HDM_GRAPHQL_URL: this.api.graphqlUrl,
      HDM_TABLE_NAME: table.tableName,
      HDM_BUCKET: inputBucket.bucketName,
      HDM_OUTPUT_BUCKET: outputBucket.bucketName,
      HDM_QUEUE_URL: queue.queueUrl,
      HDM_DETECTOR: settings.detector,
      HDM_OCR: settings.ocr,
      HDM_RECORD_TTL_DAYS: String(settings.retentionDays),
      HDM_MASK_FILL: settings.maskFill,
      // Longer maskText inputs are queued for the worker; the same default as locally (src/config.ts).
      HDM_SYNC_TEXT_LENGTH: String(DEFAULT_SYNC_TEXT_LENGTH),
    };
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
    workerFn.addEventSource(new SqsEventSource(queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: WORKER_MAX_CONCURRENCY }));
    // No job stays QUEUED or RUNNING for good: a scheduled sweeper and a dead-letter consumer (constructs/JobRecovery.ts).
    new JobRecovery(this, 'Recovery', { ...functionDefaults, environment, table, inputBucket, jobQueue: this.jobQueue, runners: { worker: workerFn, resolver: graphqlFn }, grantPublish: (fn) => this.grantPublish(fn) });

    // Least privilege, spelled out action by action (the adapters' calls) rather than the broad grant* helpers.
    const jobTableActions = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem'];
    for (const fn of [graphqlFn, workerFn]) {
      allow(fn, jobTableActions, [table.tableArn, `${table.tableArn}/index/*`]);
      // ListBucket makes a missing object a 404 rather than a 403, which the adapters tell apart.
      allow(fn, ['s3:ListBucket'], [inputBucket.bucketArn]);
      allow(fn, ['kms:Decrypt', 'kms:GenerateDataKey'], [key.keyArn]);
    }
    // Inputs: the API writes uploads (inline base64, presigned PUT) and reads them to check them; the worker reads
    // them and writes and deletes Rekognition's temporary `ocr/` copies (the same bucket, HDM_BUCKET).
    for (const fn of [graphqlFn, workerFn]) allow(fn, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], [inputBucket.arnForObjects('*')]);
    // Outputs: the API presigns GETs of masked images; the worker writes them.
    allow(graphqlFn, ['s3:GetObject'], [outputBucket.arnForObjects('*')]);
    allow(workerFn, ['s3:GetObject', 's3:PutObject'], [outputBucket.arnForObjects('*')]);
    allow(graphqlFn, ['sqs:SendMessage'], [queue.queueArn]);
    // Both record job outcomes, which publishes the update through AppSync: that one field and nothing else.
    for (const fn of [graphqlFn, workerFn]) this.grantPublish(fn);
    if (settings.detector !== 'local') {
      // DetectPHI has no resource type: IAM accepts only "*" for it.
      for (const fn of [graphqlFn, workerFn]) allow(fn, ['comprehendmedical:DetectPHI'], ['*']);
    }
    if (settings.ocr === 'rekognition') {
      // DetectText on image bytes has no resource type either.
      allow(workerFn, ['rekognition:DetectText'], ['*']);
    }

    this.jobTableSource = new GetItemDataSource(this, 'JobTableSource', { api: this.api, table, key });
    this.addResolvers(graphqlFn, props.jsResolverCode);

    if (settings.exampleClientRole) {
      this.exampleClientRole = new Role(this, 'ExampleClientRole', {
        assumedBy: new AccountRootPrincipal(),
        description: 'health-data-masking: an example caller, granted each client field and nothing else',
      });
      this.api.grantQuery(this.exampleClientRole, ...CLIENT_FIELDS.Query);
      this.api.grantMutation(this.exampleClientRole, ...CLIENT_FIELDS.Mutation);
      this.api.grantSubscription(this.exampleClientRole, ...CLIENT_FIELDS.Subscription);
      this.api.grant(this.exampleClientRole, IamResource.ofType('Job', ...CLIENT_FIELDS.Job), 'appsync:GraphQL');
      new CfnOutput(this, 'ExampleClientRoleArn', { value: this.exampleClientRole.roleArn });
    }
    if (settings.appUsers) this.appUsers = new AppUsers(this, 'AppUsers', { api: this.api, clientFields: CLIENT_FIELDS, removalPolicy });

    new CfnOutput(this, 'GraphqlUrl', { value: this.api.graphqlUrl });
    new CfnOutput(this, 'ApiId', { value: this.api.apiId });
    new CfnOutput(this, 'InputBucketName', { value: inputBucket.bucketName });
    new CfnOutput(this, 'OutputBucketName', { value: outputBucket.bucketName });
    new CfnOutput(this, 'TableName', { value: table.tableName });

    new Operations(this, 'Operations', { key, api: this.api, apiFunction: graphqlFn, jobQueue: this.jobQueue, table, alarmEmail: this.node.tryGetContext('alarmEmail') });
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

  /**
   * With logConfig, GraphqlApi adds CDK's LogRetention helper: a Lambda function with an AWS managed policy and
   * logs:PutRetentionPolicy on "*". We remove it and create the group AppSync writes to ourselves, which also
   * lets us encrypt it with the stack's key. AppSync creates the group only when it first logs, after deploy.
   */
  private ownApiLogGroup(key: JobStorage['key'], removalPolicy: RemovalPolicy): LogGroup {
    this.api.node.tryRemoveChild('LogRetention');
    for (const child of [...this.node.children]) {
      if (child.node.id.startsWith('LogRetention')) this.node.tryRemoveChild(child.node.id);
    }
    return new LogGroup(this, 'ApiLogs', {
      logGroupName: `/aws/appsync/apis/${this.api.apiId}`,
      encryptionKey: key,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy,
    });
  }

  private addResolvers(graphqlFn: HandlerFunction['function'], jsResolverCode: JsResolverCode): void {
    const lambdaSource = this.api.addLambdaDataSource('ResolverFunction', graphqlFn);
    for (const field of Object.keys(FIELD_RESOLVERS)) {
      const [typeName, fieldName] = splitField(field);
      // No code and no mapping templates: a Direct Lambda resolver; batched below the root types (one event per job).
      const nested = !['Query', 'Mutation', 'Subscription'].includes(typeName);
      lambdaSource.createResolver(`${typeName}${fieldName}Resolver`, { typeName, fieldName, ...(nested ? { maxBatchSize: NESTED_RESOLVER_BATCH_SIZE } : {}) });
    }

    const noneSource = this.api.addNoneDataSource('None');
    const sources: Record<string, BaseDataSource> = { NONE: noneSource, JOB_TABLE: this.jobTableSource };
    for (const binding of JS_RESOLVERS) {
      const code = jsResolverCode[binding.file];
      if (code === undefined) throw new Error(`no bundled code for ${binding.file}: pass loadJsResolverCode()`);
      const source = sources[binding.dataSource];
      if (!source) throw new Error(`unknown data source ${binding.dataSource}`);
      source.createResolver(`${binding.typeName}${binding.fieldName}Resolver`, {
        typeName: binding.typeName, fieldName: binding.fieldName, runtime: FunctionRuntime.JS_1_0_0, code: Code.fromInline(code),
      });
    }
  }
}

function allow(grantee: IGrantable, actions: string[], resources: string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources }));
}

function splitField(field: string): [string, string] {
  const [typeName, fieldName] = field.split('.');
  if (!typeName || !fieldName) throw new Error(`not a <Type>.<field> name: ${field}`);
  return [typeName, fieldName];
}
