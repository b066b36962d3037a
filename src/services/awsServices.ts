import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { AppSyncJobEvents } from '../adapters/aws/AppSyncJobEvents.ts';
import { ComprehendMedicalDetector } from '../adapters/aws/ComprehendMedicalDetector.ts';
import { PowertoolsLogger } from '../adapters/aws/PowertoolsLogger.ts';
import { SqsJobQueue } from '../adapters/aws/SqsJobQueue.ts';
import { DynamoDbJobStore } from '../adapters/dynamodb/DynamoDbJobStore.ts';
import { S3ObjectStore } from '../adapters/s3/S3ObjectStore.ts';
import { S3ObjectUrls } from '../adapters/s3/S3ObjectUrls.ts';
import { ConfigError, type AwsDetector, type AwsSettings } from '../config.ts';
import { type JobMetrics, withJobMetrics } from '../core/JobMetrics.ts';
import { DEFAULT_JOB_LIMITS, type JobServices, type Logger } from '../core/JobServices.ts';
import { DEFAULT_IMAGE_PADDING_PX } from '../core/maskImageContent.ts';
import type { ImageRedactor, ObjectStore, PhiDetector, TextExtractor } from '../core/ports.ts';
import { UnionPhiDetector } from '../adapters/union/UnionPhiDetector.ts';
import { LocalPhiDetector } from '../detect/LocalPhiDetector.ts';

export interface AwsServicesOptions {
  /** Default: Powertools Logger (JSON lines on stdout, which Lambda sends to CloudWatch Logs). */
  logger?: Logger;
  /** Counts every job that ends (see withJobMetrics); the handlers pass PowertoolsJobMetrics and flush it per invocation. Default none. */
  metrics?: JobMetrics;
  /** Wraps each SDK client this builds (the handlers pass Powertools Tracer's captureAWSv3Client when X-Ray is on). */
  traceClient?: <C extends object>(client: C) => C;
  /** Injected clients (tests); by default each is built for `settings.region`. */
  dynamoDb?: DynamoDBClient;
  s3?: S3Client;
  /**
   * The engines that read and mask pixels (createAwsImageEngines), for the image worker. The API function
   * leaves them out: it only takes and queues images, and its bundle then holds no sharp or tesseract.
   */
  imageEngines?: (context: ImageEngineContext) => ImageEngines;
}

export interface ImageEngineContext {
  settings: AwsSettings;
  /** The input bucket's store, where Rekognition's temporary copies of large images go. */
  objects: ObjectStore;
  logger: Logger;
}

export interface ImageEngines {
  extractor: TextExtractor;
  redactor: ImageRedactor;
}

/**
 * The AWS Lambda composition root, next to createLocalServices: DynamoDB, S3, AppSync for status updates, SQS
 * for image jobs, the detector the deployment chose, and (for the worker) the image engines. `settings` come
 * from `loadConfig(processEnv(), 'lambda')`. Nothing here calls AWS: clients connect on first use.
 */
export function createAwsServices(settings: AwsSettings, options: AwsServicesOptions = {}): JobServices {
  const { region } = settings;
  const logger = options.logger ?? new PowertoolsLogger();
  const trace = options.traceClient ?? (<C extends object>(client: C): C => client);
  const dynamoDb = trace(options.dynamoDb ?? new DynamoDBClient({ region }));
  const s3 = trace(options.s3 ?? new S3Client({ region }));
  const objects = new S3ObjectStore({ client: s3 });
  const jobs = new DynamoDbJobStore({ tableName: settings.tableName, client: dynamoDb });
  return {
    jobs: options.metrics ? withJobMetrics(jobs, options.metrics) : jobs,
    objects,
    events: new AppSyncJobEvents({ url: settings.graphqlUrl, region }),
    detector: createDetector(settings.detector, region),
    bucket: settings.bucket,
    recordTtlSeconds: settings.recordTtlDays * 86_400,
    now: () => new Date(),
    newId: randomUUID,
    logger,
    limits: { ...DEFAULT_JOB_LIMITS, maxSyncTextLength: settings.syncTextLength },
    images: {
      ...options.imageEngines?.({ settings, objects, logger }),
      urls: new S3ObjectUrls({ client: s3 }),
      queue: new SqsJobQueue({ queueUrl: settings.queueUrl, region }),
      outputBucket: settings.outputBucket,
      fill: settings.fill,
      paddingPx: DEFAULT_IMAGE_PADDING_PX,
      urlExpirySeconds: 300,
    },
  };
}

export function createDetector(choice: AwsDetector, region: string): PhiDetector {
  switch (choice) {
    case 'local':
      return new LocalPhiDetector();
    case 'comprehend-medical':
      return new ComprehendMedicalDetector({ region });
    case 'union':
      // Recall first: a span either detector flags is masked.
      return new UnionPhiDetector({ detectors: [new ComprehendMedicalDetector({ region }), new LocalPhiDetector()] });
    default:
      throw new ConfigError([`unknown detector '${String(choice)}'`]);
  }
}
