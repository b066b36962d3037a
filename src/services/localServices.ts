import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDbJobStore } from '../adapters/dynamodb/DynamoDbJobStore.ts';
import { S3ObjectStore } from '../adapters/s3/S3ObjectStore.ts';
import { S3ObjectUrls } from '../adapters/s3/S3ObjectUrls.ts';
import { SharpImageRedactor } from '../adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from '../adapters/tesseract/TesseractTextExtractor.ts';
import { DEFAULT_JOB_LIMITS, type JobServices, type Logger } from '../core/JobServices.ts';
import { DEFAULT_IMAGE_PADDING_PX } from '../core/maskImageContent.ts';
import type { JobEvents, JobQueue, PhiDetector } from '../core/ports.ts';
import { LocalPhiDetector } from '../detect/LocalPhiDetector.ts';
import { unixSocketHandler } from './unixSocketHandler.ts';

/** Static credentials for the local stand-ins: dynalite accepts any pair; s3rver knows the key id S3RVER. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
/** Only a name on the wire: every connection goes to a store's Unix socket. */
const SOCKET_ENDPOINT = 'http://localhost';
const LOCAL_REGION = 'us-east-1';

export interface LocalServicesOptions {
  /** dynalite's and s3rver's Unix sockets: the stores listen on no TCP port (local/s3/README.md). */
  dynamoDbSocket: string;
  s3Socket: string;
  /**
   * Where presigned URLs point: the API server's object gateway, `<API origin>/s3` (known once the server
   * listens, hence a function), signed for its region with its per-start key pair, which it checks.
   */
  objectGateway: {
    endpoint: () => string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  tableName: string;
  bucket: string;
  recordTtlDays: number;
  /** maskText inputs longer than this are queued for the worker (default DEFAULT_JOB_LIMITS.maxSyncTextLength). */
  syncTextLength?: number;
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
 * The local host's composition root (DESIGN.md: adapters are built only in src/services/): the job use cases on
 * DynamoDB (dynalite) and S3 (s3rver) with the local detector and tesseract.js, for the local API.
 */
export function createLocalServices(options: LocalServicesOptions): WiredServices {
  const common = { endpoint: SOCKET_ENDPOINT, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamoDb = new DynamoDBClient({ ...common, requestHandler: unixSocketHandler(options.dynamoDbSocket) });
  const s3 = new S3Client({ ...common, forcePathStyle: true, requestHandler: unixSocketHandler(options.s3Socket) });
  const presigner = gatewayPresigner(options.objectGateway);
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
    limits: {
      ...DEFAULT_JOB_LIMITS,
      maxSyncTextLength: options.syncTextLength ?? DEFAULT_JOB_LIMITS.maxSyncTextLength,
    },
    images: {
      extractor,
      // The use case pads each word's outline itself (its findings report the covered box), so the adapter adds none.
      redactor: new SharpImageRedactor({ paddingPx: 0 }),
      urls: new S3ObjectUrls({ client: presigner.client }),
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
      presigner.destroy();
    },
  };
}

/**
 * The client that signs presigned URLs for the object gateway. It never sends a request; it is built at the
 * first URL, when the server listens and its origin is known.
 */
function gatewayPresigner(gateway: LocalServicesOptions['objectGateway']): { client: () => S3Client; destroy(): void } {
  let built: { endpoint: string; client: S3Client } | undefined;
  const client = () => {
    const endpoint = gateway.endpoint();
    if (built?.endpoint !== endpoint) {
      built?.client.destroy();
      built = {
        endpoint,
        client: new S3Client({
          endpoint,
          region: gateway.region,
          forcePathStyle: true,
          credentials: gateway.credentials,
        }),
      };
    }
    return built.client;
  };
  return { client, destroy: () => built?.client.destroy() };
}
