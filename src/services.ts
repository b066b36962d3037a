import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { DynamoDbJobStore } from './adapters/dynamodb/DynamoDbJobStore.ts';
import { S3ObjectStore } from './adapters/s3/S3ObjectStore.ts';
import { S3ObjectUrls } from './adapters/s3/S3ObjectUrls.ts';
import { SharpImageRedactor } from './adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from './adapters/tesseract/TesseractTextExtractor.ts';
import { DEFAULT_JOB_LIMITS, type JobServices, type Logger } from './core/JobServices.ts';
import { DEFAULT_IMAGE_PADDING_PX } from './core/maskImageContent.ts';
import type { JobEvents, JobQueue, PhiDetector } from './core/ports.ts';
import { LocalPhiDetector } from './detect/LocalPhiDetector.ts';

/** Static credentials for the local stand-ins: dynalite accepts any pair; s3rver checks presigned URLs' key id against its default S3RVER. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalServicesOptions {
  dynamoDbEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  bucket: string;
  recordTtlDays: number;
  events: JobEvents;
  logger: Logger;
  detector?: PhiDetector;
  /** Image jobs: where masked images go, the fill colour, and the queue the worker reads. */
  images: { outputBucket: string; fill: string; queue: JobQueue };
}

export interface WiredServices {
  services: JobServices;
  dynamoDb: DynamoDBClient;
  s3: S3Client;
  /** Stops the OCR workers and releases the SDK clients' sockets. */
  close(): Promise<void>;
}

/**
 * The one place adapters are wired (DESIGN.md): the job use cases on DynamoDB (dynalite) and S3 (s3rver)
 * with the local detector, for the local API. AWS wiring joins it with the CDK issue.
 */
export function createLocalServices(options: LocalServicesOptions): WiredServices {
  const dynamoDb = new DynamoDBClient({ endpoint: options.dynamoDbEndpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const s3Config: S3ClientConfig = { endpoint: options.s3Endpoint, region: 'us-east-1', forcePathStyle: true, credentials: LOCAL_CREDENTIALS };
  const s3 = new S3Client(s3Config);
  const extractor = new TesseractTextExtractor({ logger: options.logger });
  const services: JobServices = {
    jobs: new DynamoDbJobStore({ tableName: options.tableName, client: dynamoDb }),
    objects: new S3ObjectStore({ client: s3 }),
    events: options.events,
    detector: options.detector ?? new LocalPhiDetector(),
    bucket: options.bucket,
    recordTtlSeconds: options.recordTtlDays * 86_400,
    now: () => new Date(),
    newId: randomUUID,
    logger: options.logger,
    limits: DEFAULT_JOB_LIMITS,
    images: {
      extractor,
      // The use case pads each word's outline itself (its findings report the covered box), so the adapter adds none.
      redactor: new SharpImageRedactor({ paddingPx: 0 }),
      urls: new S3ObjectUrls({ client: s3 }),
      queue: options.images.queue,
      outputBucket: options.images.outputBucket,
      fill: options.images.fill,
      paddingPx: DEFAULT_IMAGE_PADDING_PX,
      urlExpirySeconds: 300,
    },
  };
  return {
    services,
    dynamoDb,
    s3,
    close: async () => {
      await extractor.close();
      dynamoDb.destroy();
      s3.destroy();
    },
  };
}
