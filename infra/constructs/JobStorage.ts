import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  type LifecycleRule,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { createJobTableInput } from '../../src/adapters/dynamodb/createJobTable.ts';
import { TTL_ATTRIBUTE } from '../../src/adapters/dynamodb/tableDesign.ts';
import { UPLOAD_PREFIX } from '../../src/core/uploadPrefix.ts';

export interface JobStorageProps {
  /** Days before job records (TTL is set by the writer) and what they leave (masked images and texts) expire. */
  retentionDays: number;
  /** Days before inputs (uploads, inline images and their terms, OCR copies) expire; at most retentionDays. */
  inputRetentionDays: number;
  removalPolicy: RemovalPolicy;
  /** Origins allowed to PUT to the input bucket through a presigned URL. */
  corsOrigins: string[];
}

/** The KMS actions CloudWatch Logs uses on a log group's key (the documented wildcards, spelled out). */
export const CLOUDWATCH_LOGS_KEY_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:DescribeKey',
];

/**
 * Key prefixes of the input bucket that hold a job's inputs, needed only until the job ends: presigned uploads
 * (src/core/uploadPrefix.ts), inline images with their allow/deny terms (`inputs/<id>/image`, `inputs/<id>/terms.json`,
 * src/core/maskImageJob.ts; the worker deletes the terms when the job ends) and Rekognition's temporary copies
 * (`ocr/`, src/services/awsImageEngines.ts). Everything else there (masked texts too big for a record, `results/<id>/`)
 * belongs to a job's result and lives as long as the job record.
 */
export const INPUT_PREFIXES = [UPLOAD_PREFIX, 'inputs/', 'ocr/'] as const;

/**
 * The input bucket's rules. One rule for the whole bucket at `retentionDays`, the record TTL, so a result object
 * never vanishes before its job; and shorter ones for the input prefixes. S3 honours the shorter of two expirations
 * that overlap, so an input never outlives `inputRetentionDays`, and readDeploymentSettings refuses an
 * `inputRetentionDays` above `retentionDays`. S3 counts from an object's creation, rounded up to the next midnight
 * UTC, and objects are written after their job record: an object outlives its record's `expiresAt`, never the reverse.
 */
export function inputBucketLifecycle(
  props: Pick<JobStorageProps, 'retentionDays' | 'inputRetentionDays'>,
): LifecycleRule[] {
  return [
    {
      id: 'job-results',
      expiration: Duration.days(props.retentionDays),
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    },
    ...INPUT_PREFIXES.map((prefix): LifecycleRule => ({
      id: `job-inputs-${prefix.replace(/\W/g, '')}`,
      prefix,
      expiration: Duration.days(props.inputRetentionDays),
    })),
  ];
}

/** How long a deleted or overwritten access log stays restorable. */
const ACCESS_LOG_NONCURRENT_DAYS = Duration.days(30);

/**
 * Everything that holds PHI at rest: one customer-managed KMS key, the job table (the same keys and GSIs as
 * local mode, from createJobTableInput), the input and output buckets and their access-log bucket.
 */
export class JobStorage extends Construct {
  readonly key: Key;
  readonly table: Table;
  readonly inputBucket: Bucket;
  readonly outputBucket: Bucket;
  readonly accessLogBucket: Bucket;

  constructor(scope: Construct, id: string, props: JobStorageProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'health-data-masking: job table, buckets, queues and logs',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    this.allowCloudWatchLogsToUseKey();

    const design = createJobTableInput('unused');
    const keyOf = (schema: typeof design.KeySchema, type: 'HASH' | 'RANGE') => {
      const name = schema?.find((element) => element.KeyType === type)?.AttributeName;
      if (!name) throw new Error(`createJobTableInput has no ${type} key`);
      return { name, type: AttributeType.STRING };
    };
    // Table rather than TableV2: TableV2 with a customer-managed key cannot synthesize an environment-agnostic
    // stack, and synth must work with no account or region.
    this.table = new Table(this, 'JobTable', {
      partitionKey: keyOf(design.KeySchema, 'HASH'),
      sortKey: keyOf(design.KeySchema, 'RANGE'),
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: props.removalPolicy,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
    });
    for (const index of design.GlobalSecondaryIndexes ?? []) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName as string,
        partitionKey: keyOf(index.KeySchema, 'HASH'),
        sortKey: keyOf(index.KeySchema, 'RANGE'),
      });
    }

    // Access logs cannot go to a KMS-encrypted bucket (the log delivery service writes with SSE-S3 only).
    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Versioned so a deleted or overwritten log can be restored; each old version is kept for 30 days and
      // then expires, as does the version a current log leaves behind when it expires itself.
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [
        {
          expiration: Duration.days(Math.max(90, props.retentionDays)),
          noncurrentVersionExpiration: ACCESS_LOG_NONCURRENT_DAYS,
        },
        // S3 does not allow this in a rule that also expires current versions.
        { expiredObjectDeleteMarker: true },
      ],
      removalPolicy: props.removalPolicy,
    });
    this.inputBucket = new Bucket(this, 'InputBucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Inputs are read once by the worker and expire within days: versions would only keep PHI longer.
      versioned: false,
      lifecycleRules: inputBucketLifecycle(props),
      // Only the origins the deployer names (corsOrigins); none by default, so no page can PUT from a browser.
      ...(props.corsOrigins.length > 0
        ? {
            cors: [
              {
                allowedMethods: [HttpMethods.PUT],
                allowedOrigins: props.corsOrigins,
                allowedHeaders: ['content-type'],
                maxAge: 3000,
              },
            ],
          }
        : {}),
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'input/',
      removalPolicy: props.removalPolicy,
    });
    this.outputBucket = new Bucket(this, 'OutputBucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Versioning protects results from an accidental overwrite; old versions expire with the retention.
      versioned: true,
      lifecycleRules: [
        {
          expiration: Duration.days(props.retentionDays),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'output/',
      removalPolicy: props.removalPolicy,
    });
  }

  /**
   * The key policy statement CloudWatch Logs needs to encrypt log groups with this key, as the CloudWatch Logs
   * guide documents it (Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*, Describe*), with each action spelled
   * out and limited by the encryption context to this account's and region's log groups. key.grantEncryptDecrypt
   * would add the wildcard actions with no condition.
   */
  private allowCloudWatchLogsToUseKey(): void {
    const stack = Stack.of(this);
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: CLOUDWATCH_LOGS_KEY_ACTIONS,
        // In a key policy "*" is the key itself.
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }
}
