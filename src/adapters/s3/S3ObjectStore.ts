import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { HdmError, ObjectNotFoundError, ThrottledError } from '../../core/errors.ts';
import type { ObjectRef } from '../../core/Job.ts';
import type { ObjectStore } from '../../core/ports.ts';

export interface S3ObjectStoreOptions {
  /** Use this client (tests, s3rver, custom retries). Otherwise one is built from the fields below. */
  client?: S3Client;
  region?: string;
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`); s3rver needs them. */
  forcePathStyle?: boolean;
  /**
   * Sent as `x-amz-server-side-encryption` on every put. Off by default: the buckets' default encryption
   * (KMS, set by infra) already covers uploads, and s3rver does not implement the header.
   */
  serverSideEncryption?: ServerSideEncryption;
  /** With `serverSideEncryption: 'aws:kms'`: the key to use instead of the bucket's default. */
  kmsKeyId?: string;
}

/** What `head` reports about an object, without downloading it. */
export interface ObjectInfo {
  size: number;
  contentType: string | undefined;
}

/** The ObjectStore port on Amazon S3 (locally: s3rver). Errors never quote object contents. */
export class S3ObjectStore implements ObjectStore {
  readonly client: S3Client;
  readonly #sse: Pick<S3ObjectStoreOptions, 'serverSideEncryption' | 'kmsKeyId'>;

  constructor(options: S3ObjectStoreOptions = {}) {
    const { client, region, endpoint, forcePathStyle, serverSideEncryption, kmsKeyId } = options;
    // S3 rejects a key id without KMS encryption on every put; fail at start-up instead.
    if (kmsKeyId && !serverSideEncryption?.startsWith('aws:kms')) {
      throw new HdmError('INTERNAL', "S3ObjectStore: kmsKeyId needs serverSideEncryption 'aws:kms'");
    }
    this.client = client ?? new S3Client({ region, endpoint, forcePathStyle });
    this.#sse = { serverSideEncryption, kmsKeyId };
  }

  async put(ref: ObjectRef, body: Uint8Array | string, contentType: string): Promise<void> {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const command = new PutObjectCommand({
      Bucket: ref.bucket,
      Key: ref.key,
      Body: bytes,
      ContentType: contentType,
      ContentLength: bytes.byteLength,
      // Only when configured: s3rver (and some S3 look-alikes) reject or ignore the header.
      ...(this.#sse.serverSideEncryption && { ServerSideEncryption: this.#sse.serverSideEncryption }),
      ...(this.#sse.kmsKeyId && { SSEKMSKeyId: this.#sse.kmsKeyId }),
    });
    await this.#send('PutObject', () => this.client.send(command));
  }

  /** @throws ObjectNotFoundError when the key does not exist (on AWS this needs s3:ListBucket, see README). */
  async get(ref: ObjectRef): Promise<Uint8Array> {
    return this.#send('GetObject', async () => {
      const output = await this.client.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
      // An empty object can come back without a body stream.
      return output.Body ? await output.Body.transformToByteArray() : new Uint8Array();
    });
  }

  /** Size and content type, to check an upload before downloading it. @throws ObjectNotFoundError */
  async head(ref: ObjectRef): Promise<ObjectInfo> {
    const output = await this.#send('HeadObject', () =>
      this.client.send(new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key })),
    );
    return { size: output.ContentLength ?? 0, contentType: output.ContentType };
  }

  /** Idempotent: deleting a missing object succeeds (S3 answers 204 either way). */
  async delete(ref: ObjectRef): Promise<void> {
    await this.#send('DeleteObject', () =>
      this.client.send(new DeleteObjectCommand({ Bucket: ref.bucket, Key: ref.key })),
    );
  }

  async #send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw wrapS3Error(error, operation);
    }
  }
}

// S3's own code (SlowDown, 503) plus the names the SDK's retry strategy treats as throttling.
const THROTTLING = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
]);
// NoSuchKey from GetObject; HEAD responses have no body, so HeadObject only says NotFound.
const NOT_FOUND = new Set(['NoSuchKey', 'NotFound']);

/**
 * Turns any error from an S3 call into an HdmError. The SDK's message is not copied (it can quote
 * keys or request details); the SDK error stays reachable as `cause` for debugging.
 */
export function wrapS3Error(error: unknown, operation: string): HdmError {
  if (error instanceof HdmError) return error;
  const name = error instanceof Error ? error.name : 'unknown error';
  if (NOT_FOUND.has(name)) return new ObjectNotFoundError(undefined, { cause: error });
  if (isThrottling(error)) return new ThrottledError(`S3 ${operation} was throttled, retry later`, { cause: error });
  return new HdmError('INTERNAL', `S3 ${operation} failed (${name})`, { cause: error });
}

function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sdk = error as { $retryable?: { throttling?: boolean }; $metadata?: { httpStatusCode?: number } };
  return THROTTLING.has(error.name) || sdk.$retryable?.throttling === true || sdk.$metadata?.httpStatusCode === 429;
}
