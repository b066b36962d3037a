import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { DynamoDbJobStore } from './adapters/dynamodb/DynamoDbJobStore.ts';
import { S3ObjectStore } from './adapters/s3/S3ObjectStore.ts';
import { DEFAULT_JOB_LIMITS, type JobServices, type Logger } from './core/JobServices.ts';
import type { JobEvents, PhiDetector } from './core/ports.ts';
import { LocalPhiDetector } from './detect/LocalPhiDetector.ts';

/** Static credentials for the local stand-ins (dynalite and s3rver accept any pair). */
const LOCAL_CREDENTIALS = { accessKeyId: 'LOCAL', secretAccessKey: 'LOCAL' };

export interface LocalServicesOptions {
  dynamoDbEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  bucket: string;
  recordTtlDays: number;
  events: JobEvents;
  logger: Logger;
  detector?: PhiDetector;
}

export interface WiredServices {
  services: JobServices;
  dynamoDb: DynamoDBClient;
  s3: S3Client;
  /** Releases the SDK clients' sockets. */
  close(): void;
}

/**
 * The one place adapters are wired (DESIGN.md): the job use cases on DynamoDB (dynalite) and S3 (s3rver)
 * with the local detector, for the local API. AWS wiring joins it with the CDK issue.
 */
export function createLocalServices(options: LocalServicesOptions): WiredServices {
  const dynamoDb = new DynamoDBClient({ endpoint: options.dynamoDbEndpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const s3Config: S3ClientConfig = { endpoint: options.s3Endpoint, region: 'us-east-1', forcePathStyle: true, credentials: LOCAL_CREDENTIALS };
  const s3 = new S3Client(s3Config);
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
  };
  return {
    services,
    dynamoDb,
    s3,
    close: () => {
      dynamoDb.destroy();
      s3.destroy();
    },
  };
}
