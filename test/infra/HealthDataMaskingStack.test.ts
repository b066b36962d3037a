import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeploymentSettings } from '../../infra/DeploymentSettings.ts';
import { CLIENT_FIELDS, PUBLISH_FIELD, WORKER_MAX_CONCURRENCY } from '../../infra/HealthDataMaskingStack.ts';
import { CLOUDWATCH_LOGS_KEY_ACTIONS } from '../../infra/constructs/JobStorage.ts';
import { JS_RESOLVERS } from '../../resolvers/appsync/jsResolvers.ts';
import { FIELD_RESOLVERS } from '../../resolvers/fieldResolvers.ts';
import { createJobTableInput } from '../../src/adapters/dynamodb/createJobTable.ts';
import { AWS_ENV } from '../../src/config.ts';
import { RECOVERY_ENV } from '../../resolvers/handlers/recoveryEnv.ts';
import { DEFAULT_QUERY_DEPTH_LIMIT, DEFAULT_RESOLVER_COUNT_LIMIT } from '../../src/config.ts';
import { cdkFeatureFlags, synthTestStack, type TestStack } from './synthTestStack.ts';
import type { CfnElement } from 'aws-cdk-lib';
import { NESTED_RESOLVER_BATCH_SIZE } from '../../infra/HealthDataMaskingStack.ts';
import { HandlerFunction } from '../../infra/constructs/HandlerFunction.ts';
import { POWERTOOLS_NAMES } from '../../src/adapters/aws/powertoolsNames.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];
/** Actions that have no resource type: IAM accepts only "*" for them. */
const RESOURCELESS_ACTIONS = ['comprehendmedical:DetectPHI', 'rekognition:DetectText'];

function schemaFieldsNeedingResolvers(): string[] {
  const document = parse(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  const rootFields = document.definitions
    .filter(
      (node): node is ObjectTypeDefinitionNode =>
        node.kind === Kind.OBJECT_TYPE_DEFINITION && ROOT_TYPES.includes(node.name.value),
    )
    .flatMap((node) => (node.fields ?? []).map((field) => `${node.name.value}.${field.name.value}`));
  // Nested fields with resolvers (Job.findings, Job.maskedImage) are the FIELD_RESOLVERS that are not root fields.
  return [...new Set([...rootFields, ...Object.keys(FIELD_RESOLVERS)])].sort();
}

function statements(resources: Resources): Array<Statement & { policy: string }> {
  return Object.entries(resources).flatMap(([policy, resource]) =>
    (resource.Properties.PolicyDocument as { Statement: Statement[] }).Statement.map((statement) => ({
      ...statement,
      policy,
    })),
  );
}

const actionsOf = (statement: Statement): string[] => [statement.Action].flat();

/** The statements of the key, bucket and queue policies (resource policies), each with its resource's logical id. */
function resourcePolicyStatements(template: Template): Array<Statement & { policy: string }> {
  const documents: Array<[string, unknown]> = [
    ...Object.entries(template.findResources('AWS::KMS::Key')).map(([id, key]): [string, unknown] => [
      id,
      key.Properties.KeyPolicy,
    ]),
    ...['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy'].flatMap((type) =>
      Object.entries(template.findResources(type)).map(([id, policy]): [string, unknown] => [
        id,
        policy.Properties.PolicyDocument,
      ]),
    ),
  ];
  return documents.flatMap(([policy, document]) =>
    (document as { Statement: Statement[] }).Statement.map((statement) => ({ ...statement, policy })),
  );
}

const ACCOUNT_ROOT = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']],
};

/**
 * The statement CDK writes first into every KMS key's default policy: kms:* for the account root. It does not
 * grant anyone use of the key by itself; it delegates to IAM, so that the account's IAM policies (checked above:
 * no wildcard actions) decide who may use the key, and the key can never become unmanageable.
 */
function isDefaultKeyAdminStatement(statement: Statement & { policy: string }, template: Template): boolean {
  const { policy, ...rest } = statement;
  const keyPolicy = template.findResources('AWS::KMS::Key')[policy]?.Properties.KeyPolicy as
    { Statement: Statement[] } | undefined;
  const adminStatement = { Effect: 'Allow', Principal: { AWS: ACCOUNT_ROOT }, Action: 'kms:*', Resource: '*' };
  return isDeepStrictEqual(rest, adminStatement) && isDeepStrictEqual(keyPolicy?.Statement[0], adminStatement);
}

/** The statements of the inline policies attached to one role. */
function roleStatements(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"Ref":"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function logicalIdOfArn(arn: unknown): string {
  const id = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`not a GetAtt of an ARN: ${JSON.stringify(arn)}`);
  return id;
}

describe('HealthDataMaskingStack', () => {
  let built: TestStack;
  beforeAll(async () => {
    built = await synthTestStack({ exampleClientRole: true });
  });

  it('serves the schema with AWS_IAM auth and error-only logs without request bodies', () => {
    built.template.resourceCountIs('AWS::AppSync::GraphQLApi', 1);
    built.template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'AWS_IAM',
      LogConfig: { FieldLogLevel: 'ERROR', ExcludeVerboseContent: true },
      XrayEnabled: false,
    });
    const schema = Object.values(built.template.findResources('AWS::AppSync::GraphQLSchema'))[0];
    expect(schema?.Properties.Definition).toBe(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    built.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', Match.anyValue()]] },
      KmsKeyId: Match.anyValue(),
    });
    built.template.resourceCountIs('Custom::LogRetention', 0);
  });

  it('has exactly one resolver for every schema field that needs one', () => {
    const resolvers = Object.values(built.template.findResources('AWS::AppSync::Resolver'));
    const fields = resolvers
      .map((resolver) => `${resolver.Properties.TypeName}.${resolver.Properties.FieldName}`)
      .sort();
    expect(fields).toEqual(schemaFieldsNeedingResolvers());
  });

  it('resolves business fields with Direct Lambda resolvers on one Lambda data source', () => {
    const lambdaSources = built.template.findResources('AWS::AppSync::DataSource', {
      Properties: { Type: 'AWS_LAMBDA' },
    });
    expect(Object.keys(lambdaSources)).toHaveLength(1);
    const sourceName = Object.values(lambdaSources)[0]?.Properties.Name;
    const business = Object.keys(FIELD_RESOLVERS).filter((field) => field !== PUBLISH_FIELD);
    for (const field of business) {
      const [typeName, fieldName] = field.split('.');
      const found = built.template.findResources('AWS::AppSync::Resolver', {
        Properties: { TypeName: typeName, FieldName: fieldName },
      });
      const resolver = Object.values(found)[0];
      expect(resolver?.Properties.DataSourceName).toBe(sourceName);
      // Direct Lambda: no mapping templates and no JS code.
      expect(resolver?.Properties.Code).toBeUndefined();
      expect(resolver?.Properties.RequestMappingTemplate).toBeUndefined();
      expect(resolver?.Properties.ResponseMappingTemplate).toBeUndefined();
    }
  });

  it('deploys the APPSYNC_JS resolvers as bundled from resolvers/appsync, on their data sources', () => {
    const typeOfSource = (name: unknown) =>
      Object.values(built.template.findResources('AWS::AppSync::DataSource', { Properties: { Name: name } }))[0]
        ?.Properties.Type;
    for (const binding of JS_RESOLVERS) {
      const found = built.template.findResources('AWS::AppSync::Resolver', {
        Properties: { TypeName: binding.typeName, FieldName: binding.fieldName },
      });
      const resolver = Object.values(found)[0];
      expect(resolver?.Properties.Runtime).toEqual({ Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' });
      expect(resolver?.Properties.Code).toBe(built.jsResolverCode[binding.file]);
      expect(typeOfSource(resolver?.Properties.DataSourceName)).toBe(
        binding.dataSource === 'NONE' ? 'NONE' : 'AMAZON_DYNAMODB',
      );
    }
    const publish = Object.values(
      built.template.findResources('AWS::AppSync::Resolver', {
        Properties: { TypeName: 'Mutation', FieldName: 'publishJobUpdate' },
      }),
    )[0];
    expect(publish?.Properties.Runtime).toEqual({ Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' });
    expect(typeOfSource(publish?.Properties.DataSourceName)).toBe('NONE');
  });

  it('grants no wildcard actions, and "*" resources only to actions that have no resource type', () => {
    const all = statements(built.template.findResources('AWS::IAM::Policy') as Resources);
    expect(all.length).toBeGreaterThan(10);
    for (const statement of all) {
      expect(statement.Effect).toBe('Allow');
      for (const action of actionsOf(statement)) expect(action, `${statement.policy}: ${action}`).not.toContain('*');
      if (statement.Resource === '*' || [statement.Resource].flat().includes('*')) {
        expect(
          actionsOf(statement).every((action) => RESOURCELESS_ACTIONS.includes(action)),
          `${statement.policy}: ${actionsOf(statement).join(',')}`,
        ).toBe(true);
      }
    }
    const resourceless = all.filter((statement) => statement.Resource === '*').flatMap(actionsOf);
    expect(new Set(resourceless)).toEqual(new Set(RESOURCELESS_ACTIONS));
    // No AWS managed policies on any of the stack's roles.
    const roles = Object.entries(built.template.findResources('AWS::IAM::Role'));
    const managed = roles.filter(([, role]) => role.Properties.ManagedPolicyArns).map(([id]) => id);
    expect(managed).toEqual([]);

    // Key, bucket and queue policies: a wildcard action only where it takes access away (the TLS denials), or in
    // the key's default admin statement for the account root (see isDefaultKeyAdminStatement).
    const resourceStatements = resourcePolicyStatements(built.template);
    expect(resourceStatements.length).toBeGreaterThanOrEqual(7);
    const wildcardAllows = resourceStatements.filter(
      (statement) => statement.Effect === 'Allow' && actionsOf(statement).some((action) => action.includes('*')),
    );
    expect(wildcardAllows.map((statement) => `${statement.policy}: ${actionsOf(statement).join(',')}`)).toEqual([
      expect.stringMatching(/^StorageKey\w+: kms:\*$/),
    ]);
    for (const statement of wildcardAllows) expect(isDefaultKeyAdminStatement(statement, built.template)).toBe(true);
  });

  it("lets CloudWatch Logs use the key only for this account's log groups, with named actions", () => {
    const logsStatements = resourcePolicyStatements(built.template).filter((statement) =>
      JSON.stringify(statement.Principal).includes('"logs."'),
    );
    expect(logsStatements).toEqual([
      {
        policy: expect.stringMatching(/^StorageKey/),
        Effect: 'Allow',
        Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
        Action: expect.toSatisfy(
          (actions: string[]) => [...actions].sort().join() === [...CLOUDWATCH_LOGS_KEY_ACTIONS].sort().join(),
        ),
        Resource: '*',
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':logs:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':log-group:*',
                ],
              ],
            },
          },
        },
      },
    ]);
  });

  it("has AppSync write its logs with a role allowed only to write to the API's own log group", () => {
    const api = Object.values(built.template.findResources('AWS::AppSync::GraphQLApi'))[0];
    const roleId = logicalIdOfArn(
      (api?.Properties.LogConfig as { CloudWatchLogsRoleArn: unknown }).CloudWatchLogsRoleArn,
    );
    const role = built.template.findResources('AWS::IAM::Role')[roleId];
    expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role?.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [{ Principal: { Service: 'appsync.amazonaws.com' } }],
    });
    const [apiLogGroupId] = Object.keys(
      built.template.findResources('AWS::Logs::LogGroup', {
        Properties: { LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', Match.anyValue()]] } },
      }),
    );
    expect(roleStatements(built.template, roleId)).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [apiLogGroupId, 'Arn'] },
      },
    ]);
  });

  it("lets the subscription resolver's DynamoDB data source only get single items", () => {
    const sources = Object.values(
      built.template.findResources('AWS::AppSync::DataSource', { Properties: { Type: 'AMAZON_DYNAMODB' } }),
    );
    expect(sources).toHaveLength(1);
    const roleId = logicalIdOfArn(sources[0]?.Properties.ServiceRoleArn);
    const [tableId] = Object.keys(built.template.findResources('AWS::DynamoDB::Table'));
    const [keyId] = Object.keys(built.template.findResources('AWS::KMS::Key'));
    expect(roleStatements(built.template, roleId)).toEqual([
      { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: { 'Fn::GetAtt': [tableId, 'Arn'] } },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    ]);
  });

  it('lets the functions publish only through Mutation.publishJobUpdate, and clients only their fields', () => {
    const graphqlStatements = statements(built.template.findResources('AWS::IAM::Policy') as Resources).filter(
      (statement) => actionsOf(statement).includes('appsync:GraphQL'),
    );
    const fieldsOf = (statement: Statement) =>
      JSON.stringify(statement.Resource).match(/types\/\w+\/fields\/\w+/g) ?? [];
    const byPolicy = new Map<string, string[]>();
    for (const statement of graphqlStatements)
      byPolicy.set(statement.policy, [...(byPolicy.get(statement.policy) ?? []), ...fieldsOf(statement)]);
    const worker = [...byPolicy].find(([policy]) => policy.startsWith('Worker'));
    const graphql = [...byPolicy].find(([policy]) => policy.startsWith('GraphqlHandler'));
    expect(worker?.[1]).toEqual(['types/Mutation/fields/publishJobUpdate']);
    expect(graphql?.[1]).toEqual(['types/Mutation/fields/publishJobUpdate']);
    const client = [...byPolicy].find(([policy]) => policy.startsWith('ExampleClientRole'));
    const expected = Object.entries(CLIENT_FIELDS).flatMap(([type, fields]) =>
      fields.map((field) => `types/${type}/fields/${field}`),
    );
    expect(client?.[1].sort()).toEqual(expected.sort());
    expect(client?.[1]).not.toContain('types/Mutation/fields/publishJobUpdate');
  });

  it('encrypts the table, buckets, queues and log groups with the customer-managed key', () => {
    built.template.resourceCountIs('AWS::KMS::Key', 1);
    built.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const [keyId] = Object.keys(built.template.findResources('AWS::KMS::Key'));
    const key = { 'Fn::GetAtt': [keyId, 'Arn'] };
    built.template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: key },
    });
    const buckets = Object.values(built.template.findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(3);
    for (const bucket of buckets) {
      const rule = (
        bucket.Properties.BucketEncryption as {
          ServerSideEncryptionConfiguration: Array<{ ServerSideEncryptionByDefault: { SSEAlgorithm: string } }>;
        }
      ).ServerSideEncryptionConfiguration[0]?.ServerSideEncryptionByDefault;
      expect(['aws:kms', 'AES256']).toContain(rule?.SSEAlgorithm);
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    // Only the access-log bucket uses SSE-S3 (log delivery cannot write to a KMS bucket); data buckets use the key.
    expect(
      buckets.filter((bucket) => JSON.stringify(bucket.Properties.BucketEncryption).includes('aws:kms')),
    ).toHaveLength(2);
    for (const queue of Object.values(built.template.findResources('AWS::SQS::Queue'))) {
      expect(queue.Properties.KmsMasterKeyId).toEqual(key);
    }
    for (const group of Object.values(built.template.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.KmsKeyId).toEqual(key);
      expect(group.Properties.RetentionInDays).toBe(90);
    }
    // TLS only: every bucket and queue policy denies aws:SecureTransport=false.
    const tlsDenials = [
      ...Object.values(built.template.findResources('AWS::S3::BucketPolicy')),
      ...Object.values(built.template.findResources('AWS::SQS::QueuePolicy')),
    ].filter((policy) => JSON.stringify(policy.Properties).includes('"aws:SecureTransport":"false"'));
    expect(tlsDenials).toHaveLength(5);
  });

  it('expires inputs and outputs, versions outputs, and allows browser PUTs to inputs only from the origins named', async () => {
    // No origin by default: no bucket answers a browser's CORS preflight.
    expect(JSON.stringify(built.template.findResources('AWS::S3::Bucket'))).not.toContain('CorsConfiguration');
    const named = await synthTestStack({ corsOrigins: ['https://app.example.org'] });
    named.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: ['PUT'],
            AllowedOrigins: ['https://app.example.org'],
            AllowedHeaders: ['content-type'],
          }),
        ],
      },
    });
    built.template.hasResourceProperties('AWS::S3::Bucket', {
      // Inputs after inputRetentionDays, by prefix; the rest (results/) with the records (lifecycles.test.ts).
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 7, Status: 'Enabled' })]),
      },
    });
    built.template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 1 } })],
      },
    });
  });

  it('queues image jobs with a dead-letter queue, alarms, and a worker that reports batch item failures', () => {
    built.template.resourceCountIs('AWS::SQS::Queue', 2);
    built.template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsDeadLetterQueue'), 'Arn'] },
        maxReceiveCount: 3,
      },
      VisibilityTimeout: 1800,
    });
    built.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
    });
    built.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage' });
    built.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsQueue'), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 1,
    });
  });

  it("bounds the worker's concurrency at the event source, not with reserved concurrency", () => {
    expect(WORKER_MAX_CONCURRENCY).toBe(5);
    built.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsQueue'), 'Arn'] },
      ScalingConfig: { MaximumConcurrency: WORKER_MAX_CONCURRENCY },
    });
    for (const fn of Object.values(built.template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  it('alarms on a backlog in the job queue itself, not only in the dead-letter queue', () => {
    built.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsQueue'), 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 100,
      EvaluationPeriods: 5,
    });
  });

  it("expires the access logs' old versions and delete markers, not only their current versions", () => {
    const accessLogs = Object.values(built.template.findResources('AWS::S3::Bucket')).filter((bucket) =>
      JSON.stringify(bucket.Properties.BucketEncryption).includes('AES256'),
    );
    expect(accessLogs).toHaveLength(1);
    expect(accessLogs[0]?.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(accessLogs[0]?.Properties.LifecycleConfiguration).toEqual({
      Rules: [
        { ExpirationInDays: 90, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' },
        { ExpiredObjectDeleteMarker: true, Status: 'Enabled' },
      ],
    });
  });

  it('creates the job table with the keys, GSIs and TTL of local mode, and point-in-time recovery', () => {
    const design = createJobTableInput('unused');
    built.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: design.KeySchema,
      AttributeDefinitions: Match.arrayEquals(design.AttributeDefinitions ?? []),
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: (design.GlobalSecondaryIndexes ?? []).map((index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
      })),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('runs every function on Node 22 with the environment src/config.ts reads (AWS_ENV)', () => {
    const functions = Object.values(built.template.findResources('AWS::Lambda::Function'));
    // The API function, the worker, and the recovery sweeper and dead-letter consumer (which add RECOVERY_ENV).
    expect(functions).toHaveLength(4);
    const expectedKeys = Object.values(AWS_ENV).filter((key) => key !== AWS_ENV.region);
    const recoveryKeys: string[] = Object.values(RECOVERY_ENV);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(
        Object.keys(variables)
          .filter((key) => key.startsWith('HDM_') && !recoveryKeys.includes(key))
          .sort(),
      ).toEqual([...expectedKeys].sort());
      expect(variables).toMatchObject({
        HDM_DETECTOR: 'comprehend-medical',
        HDM_OCR: 'rekognition',
        HDM_RECORD_TTL_DAYS: '30',
        HDM_MASK_FILL: '#000000',
      });
    }
  });

  it('passes the AwsSolutions and HIPAA.Security packs with every finding acknowledged with a reason', () => {
    for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()]) {
      const report = pack.validateScope(built.app);
      expect(
        report.violations.map(
          (violation) =>
            `${violation.ruleName}: ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
        ),
      ).toEqual([]);
    }
    const acknowledgements = built.stack.node
      .findAll()
      .flatMap((construct) =>
        construct.node.metadata
          .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
          .flatMap((entry) => Object.values(entry.data as Record<string, unknown>)),
      );
    expect(acknowledgements.length).toBeGreaterThan(10);
    for (const reason of acknowledgements) expect(JSON.stringify(reason).length).toBeGreaterThan(40);
  });
});

describe('HealthDataMaskingStack cdk-nag acknowledgements', () => {
  it('acknowledges inline policies role by role, so an inline policy on a new role is still a finding', async () => {
    const { app, stack } = await synthTestStack(
      {},
      {
        extend: (target) => {
          const extra = new Role(target, 'ExtraRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
          extra.addToPolicy(
            new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [target.jobQueue.queue.queueArn] }),
          );
        },
      },
    );
    const stackWide = stack.node.metadata.filter(
      (entry) =>
        entry.type === 'aws:cdk:acknowledged-rules' && JSON.stringify(entry.data).includes('IAMNoInlinePolicy'),
    );
    expect(stackWide).toEqual([]);
    const report = new HIPAASecurityChecks().validateScope(app);
    const inline = report.violations.filter((violation) => violation.ruleName.includes('IAMNoInlinePolicy'));
    expect(
      inline.flatMap((violation) => violation.violatingResources.map((resource) => resource.constructPath)),
    ).toEqual([expect.stringContaining('/ExtraRole/')]);
  });
});

describe('HealthDataMaskingStack settings', () => {
  it('grants DetectPHI only when a deployment uses Comprehend Medical, and DetectText only with Rekognition', async () => {
    const { template } = await synthTestStack({ detector: 'local', ocr: 'tesseract' });
    const actions = statements(template.findResources('AWS::IAM::Policy') as Resources).flatMap(actionsOf);
    expect(actions).not.toContain('comprehendmedical:DetectPHI');
    expect(actions).not.toContain('rekognition:DetectText');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ HDM_DETECTOR: 'local', HDM_OCR: 'tesseract' }) },
    });
  });

  it('applies retention days, the removal policy and X-Ray from the settings', async () => {
    const { template } = await synthTestStack({ retentionDays: 10, removalPolicy: 'destroy', xray: true });
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', { XrayEnabled: true });
    template.hasResourceProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' } });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 10 })] },
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ HDM_RECORD_TTL_DAYS: '10' }) },
    });
  });

  it("sets AppSync's request limits to the local server's defaults, and to the context's when given", async () => {
    const { template } = await synthTestStack();
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      QueryDepthLimit: DEFAULT_QUERY_DEPTH_LIMIT,
      ResolverCountLimit: DEFAULT_RESOLVER_COUNT_LIMIT,
    });
    expect([DEFAULT_QUERY_DEPTH_LIMIT, DEFAULT_RESOLVER_COUNT_LIMIT]).toEqual([15, 1000]);
    const settings = readDeploymentSettings({
      tryGetContext: (key: string) => ({ queryDepthLimit: '0', resolverCountLimit: 250 })[key],
    });
    const custom = await synthTestStack(settings);
    custom.template.hasResourceProperties('AWS::AppSync::GraphQLApi', { QueryDepthLimit: 0, ResolverCountLimit: 250 });
  });

  it("refuses request limits outside AppSync's ranges, naming each key", () => {
    const context: Record<string, unknown> = { queryDepthLimit: '76', resolverCountLimit: 10_001 };
    expect(() => readDeploymentSettings({ tryGetContext: (key: string) => context[key] })).toThrow(
      expect.objectContaining({
        problems: [
          'queryDepthLimit must be a whole number from 0 to 75',
          'resolverCountLimit must be a whole number from 0 to 10000',
        ],
      }),
    );
  });

  it('keeps data by default', async () => {
    const { template } = await synthTestStack();
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    // The four functions' roles, the Lambda and DynamoDB data sources' roles, the AppSync logging role, the identity
    // pool's authenticated and (unused, no guests) unauthenticated roles; no client role.
    template.resourceCountIs('AWS::IAM::Role', 9);
  });
});

describe('HealthDataMaskingStack job recovery', () => {
  let built: TestStack;
  beforeAll(async () => {
    built = await synthTestStack();
  });

  const functionId = (prefix: string) => {
    const ids = Object.keys(built.template.findResources('AWS::Lambda::Function')).filter((id) =>
      id.startsWith(prefix),
    );
    expect(ids).toHaveLength(1);
    return ids[0] as string;
  };
  const roleIdOf = (fnId: string) =>
    logicalIdOfArn(built.template.findResources('AWS::Lambda::Function')[fnId]?.Properties.Role);

  it("runs the sweeper on a 5-minute schedule, judging RUNNING jobs by the worker's and the API function's timeouts", () => {
    const sweeper = functionId('RecoverySweeper');
    built.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [sweeper, 'Arn'] } })],
    });
    built.template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [sweeper, 'Arn'] },
      Principal: 'events.amazonaws.com',
    });
    const variables = (
      built.template.findResources('AWS::Lambda::Function')[sweeper]?.Properties.Environment as {
        Variables: Record<string, unknown>;
      }
    ).Variables;
    expect(variables).toMatchObject({
      [RECOVERY_ENV.workerTimeoutSeconds]: '300',
      [RECOVERY_ENV.resolverTimeoutSeconds]: '30',
    });
  });

  it('consumes the dead-letter queue with an event source that reports batch item failures', () => {
    const consumer = functionId('RecoveryDeadLetterConsumer');
    built.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsDeadLetterQueue'), 'Arn'] },
      FunctionName: { Ref: consumer },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    // Within the dead-letter queue's 30-second visibility timeout, or Lambda refuses the event source.
    expect(built.template.findResources('AWS::Lambda::Function')[consumer]?.Properties.Timeout).toBeLessThanOrEqual(30);
  });

  it('grants the sweeper only the open-jobs index, job status writes, re-queues and publishing', () => {
    const statements = roleStatements(built.template, roleIdOf(functionId('RecoverySweeper')));
    const actions = statements.flatMap(actionsOf);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:Query',
        'dynamodb:GetItem',
        'dynamodb:UpdateItem',
        'sqs:SendMessage',
        'appsync:GraphQL',
      ]),
    );
    expect(
      actions.filter((action) =>
        /^(s3:(?!DeleteObject$)|comprehendmedical:|rekognition:)|PutItem|DeleteItem|Scan/.test(action),
      ),
    ).toEqual([]);
    expectDeletesInputsOnly(statements);
    const query = statements.find((statement) => actionsOf(statement).includes('dynamodb:Query'));
    expect(JSON.stringify(query?.Resource)).toContain('/index/GSI3');
    expect(JSON.stringify(query?.Resource)).not.toContain('*');
  });

  it('grants the dead-letter consumer job reads and status writes, its queue and publishing, and no re-queue or index', () => {
    const actions = roleStatements(built.template, roleIdOf(functionId('RecoveryDeadLetterConsumer'))).flatMap(
      actionsOf,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:UpdateItem',
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'appsync:GraphQL',
      ]),
    );
    expect(actions).not.toContain('dynamodb:Query');
    expect(actions).not.toContain('sqs:SendMessage');
    expect(actions.filter((action) => /^(s3:(?!DeleteObject$)|comprehendmedical:|rekognition:)/.test(action))).toEqual(
      [],
    );
    expectDeletesInputsOnly(roleStatements(built.template, roleIdOf(functionId('RecoveryDeadLetterConsumer'))));
  });

  /** A job the recovery fails has its terms and queued note deleted: s3:DeleteObject on inputs/* and nothing wider. */
  function expectDeletesInputsOnly(statements: ReturnType<typeof roleStatements>): void {
    const deletes = statements.filter((statement) => actionsOf(statement).includes('s3:DeleteObject'));
    expect(deletes).toHaveLength(1);
    expect(JSON.stringify(deletes[0]?.Resource)).toMatch(/\/inputs\/\*"/);
  }

  it('names both recovery roles among the publishers publishJobUpdate accepts', () => {
    const api = Object.values(built.template.findResources('AWS::AppSync::GraphQLApi'))[0];
    const publishers = JSON.stringify(
      (api?.Properties.EnvironmentVariables as Record<string, unknown> | undefined)?.PUBLISHER_ROLE_NAMES,
    );
    for (const prefix of ['RecoverySweeper', 'RecoveryDeadLetterConsumer'])
      expect(publishers).toContain(`"Ref":"${roleIdOf(functionId(prefix))}"`);
  });
});

describe('HealthDataMaskingStack operations and cost (issue 14)', () => {
  let built: TestStack;
  const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
    built.stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const handlerFunctions = () =>
    built.stack.node.findAll().filter((c): c is HandlerFunction => c instanceof HandlerFunction);
  const alarms = () => Object.entries(built.template.findResources('AWS::CloudWatch::Alarm'));
  const topicId = () => {
    const topics = Object.keys(built.template.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    return topics[0]!;
  };
  /** Synthesizes with CDK context, as `cdk synth -c key=value` would give it (the App reads CDK_CONTEXT_JSON). */
  async function synthWithContext(context: Record<string, unknown>): Promise<TestStack> {
    const before = process.env.CDK_CONTEXT_JSON;
    process.env.CDK_CONTEXT_JSON = JSON.stringify(context);
    try {
      return await synthTestStack();
    } finally {
      if (before === undefined) delete process.env.CDK_CONTEXT_JSON;
      else process.env.CDK_CONTEXT_JSON = before;
    }
  }

  beforeAll(async () => {
    built = await synthTestStack();
  });

  it("gives every alarm in the stack the alarm topic as its action, the queue's and any added by other constructs", () => {
    const topic = topicId();
    expect(alarms().length).toBeGreaterThanOrEqual(3 + 2 * handlerFunctions().length + 3);
    for (const [id, alarm] of alarms()) {
      expect(alarm.Properties.AlarmActions, id).toEqual([{ Ref: topic }]);
      expect(alarm.Properties.ActionsEnabled ?? true, id).toBe(true);
    }
  });

  it("encrypts the topic with the stack's key and takes publishes over TLS only", () => {
    const [keyId] = Object.keys(built.template.findResources('AWS::KMS::Key'));
    built.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    const policy = Object.values(built.template.findResources('AWS::SNS::TopicPolicy'))[0];
    const statements = (policy?.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it("lets CloudWatch publish to the topic and use the key for it, only for this account's alarms", () => {
    const fromCloudWatch = (statement: Statement) =>
      JSON.stringify(statement.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' });
    const policy = Object.values(built.template.findResources('AWS::SNS::TopicPolicy'))[0];
    const topicStatements = (policy?.Properties.PolicyDocument as { Statement: Statement[] }).Statement.filter(
      fromCloudWatch,
    );
    const keyStatements = resourcePolicyStatements(built.template).filter(
      (statement) => statement.policy.startsWith('StorageKey') && fromCloudWatch(statement),
    );
    expect(topicStatements.map((statement) => statement.Action)).toEqual(['sns:Publish']);
    expect(keyStatements.map((statement) => statement.Action)).toEqual([['kms:Decrypt', 'kms:GenerateDataKey']]);
    for (const statement of [...topicStatements, ...keyStatements]) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.Condition).toEqual({
        StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        ArnLike: {
          'aws:SourceArn': {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':cloudwatch:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':alarm:*',
              ],
            ],
          },
        },
      });
    }
  });

  it("alarms on each function's errors and throttles, AppSync 5XX, DynamoDB throttling, dead letters, queue age and failed jobs", () => {
    const all = alarms().map(([, alarm]) => alarm.Properties);
    const onFunction = (metricName: string, fnId: string) =>
      all.filter(
        (p) =>
          p.MetricName === metricName &&
          JSON.stringify(p.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fnId } }]),
      );
    expect(handlerFunctions().length).toBeGreaterThanOrEqual(2);
    for (const handler of handlerFunctions()) {
      const fnId = logicalIdOf(handler.function);
      const errors = onFunction('Errors', fnId);
      expect(errors, `${handler.node.id} errors`).toHaveLength(1);
      expect(errors[0]?.Threshold).toBe(handler === built.stack.graphqlFunction ? 10 : 1);
      expect(onFunction('Throttles', fnId), `${handler.node.id} throttles`).toEqual([
        expect.objectContaining({ Threshold: 1, Statistic: 'Sum', Period: 300 }),
      ]);
    }
    expect(all).toContainEqual(
      expect.objectContaining({
        Namespace: 'AWS/AppSync',
        MetricName: '5XXError',
        Dimensions: [{ Name: 'GraphQLAPIId', Value: { 'Fn::GetAtt': [logicalIdOf(built.stack.api), 'ApiId'] } }],
      }),
    );
    const math = (name: string) =>
      all.filter((p) => JSON.stringify(p.Metrics ?? []).includes(`"MetricName":"${name}"`));
    expect(math('ReadThrottleEvents')).toHaveLength(1);
    expect(JSON.stringify(math('ReadThrottleEvents')[0]?.Metrics)).toContain('WriteThrottleEvents');
    const failed = math(POWERTOOLS_NAMES.jobsMetric);
    expect(failed).toHaveLength(1);
    const failedMetrics = (
      failed[0]?.Metrics as {
        MetricStat?: { Metric: { Namespace: string; Dimensions: { Name: string; Value: string }[] } };
      }[]
    ).filter((m) => m.MetricStat);
    expect(failedMetrics.map((m) => m.MetricStat!.Metric.Namespace)).toEqual([
      POWERTOOLS_NAMES.namespace,
      POWERTOOLS_NAMES.namespace,
    ]);
    // Exactly the dimension set PowertoolsJobMetrics writes, or the alarm would watch a metric nobody emits.
    expect(
      failedMetrics.map((m) => Object.fromEntries(m.MetricStat!.Metric.Dimensions.map((d) => [d.Name, d.Value]))),
    ).toEqual([
      { service: POWERTOOLS_NAMES.service, kind: 'TEXT', status: 'FAILED' },
      { service: POWERTOOLS_NAMES.service, kind: 'IMAGE', status: 'FAILED' },
    ]);
    expect(all).toContainEqual(
      expect.objectContaining({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 }),
    );
    expect(all).toContainEqual(expect.objectContaining({ MetricName: 'ApproximateAgeOfOldestMessage' }));
  });

  it('has a dashboard of jobs, findings, functions, the API, the table and the queue', () => {
    const dashboards = Object.values(built.template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
    for (const shown of [
      'Jobs by kind and status',
      'Findings by type',
      'Failed jobs',
      'Lambda errors',
      'Lambda throttles',
      '5XXError',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'ApproximateAgeOfOldestMessage',
      'dead letters',
    ]) {
      expect(body, shown).toContain(shown);
    }
  });

  it('e-mails the address given as context alarmEmail, none without it, and refuses anything else', async () => {
    built.template.resourceCountIs('AWS::SNS::Subscription', 0);
    const withEmail = await synthWithContext({ alarmEmail: 'oncall@example.com' });
    withEmail.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      TopicArn: { Ref: Match.stringLikeRegexp('^OperationsAlarmTopic') },
    });
    await expect(synthWithContext({ alarmEmail: 'not an address' })).rejects.toThrow(
      'alarmEmail must be an e-mail address',
    );
  });

  it('keeps the operations resources clean under the AwsSolutions and HIPAA.Security packs, with no acknowledgement', () => {
    for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()]) {
      const report = pack.validateScope(built.app);
      const ours = report.violations
        .flatMap((violation) =>
          violation.violatingResources.map((resource) => `${violation.ruleName}: ${resource.constructPath}`),
        )
        .filter((finding) => /\/Operations\/|Alarm|CloudWatchAlarmAction|SNS/.test(finding));
      expect(ours).toEqual([]);
    }
    const operations = built.stack.node.findChild('Operations');
    const acknowledged = operations.node
      .findAll()
      .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === 'aws:cdk:acknowledged-rules'));
    expect(acknowledged).toEqual([]);
  });

  it('runs the functions without native code on arm64 and the image worker on x86_64, the CPU of its copied sharp builds', () => {
    const architectureOf = (handler: HandlerFunction) =>
      built.template.findResources('AWS::Lambda::Function')[logicalIdOf(handler.function)]?.Properties.Architectures;
    expect(architectureOf(built.stack.graphqlFunction)).toEqual(['arm64']);
    expect(architectureOf(built.stack.workerFunction)).toEqual(['x86_64']);
  });

  it("batches the nested Job fields' resolvers, and only those", () => {
    for (const resolver of Object.values(built.template.findResources('AWS::AppSync::Resolver'))) {
      const { TypeName, FieldName, MaxBatchSize } = resolver.Properties as {
        TypeName: string;
        FieldName: string;
        MaxBatchSize?: number;
      };
      expect(MaxBatchSize, `${TypeName}.${FieldName}`).toBe(
        TypeName === 'Job' ? NESTED_RESOLVER_BATCH_SIZE : undefined,
      );
    }
    expect(NESTED_RESOLVER_BATCH_SIZE).toBe(10);
  });

  it("lets the functions write a text job's findings in one BatchWriteItem, and tells Powertools whether X-Ray is on", async () => {
    for (const handler of [built.stack.graphqlFunction, built.stack.workerFunction]) {
      const actions = roleStatements(built.template, logicalIdOf(handler.role)).flatMap(actionsOf);
      expect(actions).toContain('dynamodb:BatchWriteItem');
      const fn = built.template.findResources('AWS::Lambda::Function')[logicalIdOf(handler.function)];
      expect((fn?.Properties.Environment as { Variables: Record<string, string> }).Variables).toMatchObject({
        POWERTOOLS_TRACE_ENABLED: 'false',
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
    const traced = await synthTestStack({ xray: true });
    traced.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_TRACE_ENABLED: 'true' }) },
      TracingConfig: { Mode: 'Active' },
    });
  });
});

describe('cdk.json', () => {
  it('sets every feature flag the installed aws-cdk-lib recommends, to its recommended value (what `cdk init` writes)', async () => {
    const recommended = (await import('aws-cdk-lib/recommended-feature-flags.json', { with: { type: 'json' } }))
      .default as Record<string, unknown>;
    expect(Object.keys(recommended).length).toBeGreaterThan(50);
    expect(cdkFeatureFlags()).toEqual(recommended);
  });
});
