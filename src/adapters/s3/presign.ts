import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HdmError } from '../../core/errors.ts';
import type { ObjectRef } from '../../core/Job.ts';
import { wrapS3Error } from './S3ObjectStore.ts';

/** SigV4 presigned URLs live at most 7 days. */
const MAX_EXPIRES_IN_SECONDS = 7 * 24 * 60 * 60;

/*
 * Since SDK 3.729 a client computes a CRC32 for every PutObject. Presigning has no body, so the URL
 * would carry the checksum of an EMPTY payload (x-amz-checksum-crc32=AAAAAA==) and real S3 would
 * reject every real upload (the local object gateway would not notice: it reads no checksum). Keeping these headers
 * unhoisted and unsigned drops them from the URL, whatever the client's checksum settings.
 */
const CHECKSUM_HEADERS = [
  'x-amz-sdk-checksum-algorithm',
  'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c',
  'x-amz-checksum-crc64nvme',
  'x-amz-checksum-sha1',
  'x-amz-checksum-sha256',
];

export interface PresignUploadOptions {
  /** Signed: the upload must send exactly this Content-Type (S3 checks it; locally the API's object gateway does). */
  contentType: string;
  /**
   * Signed when given: the upload must be exactly this many bytes (S3 checks the signed Content-Length;
   * locally the API's object gateway does). The only bound a PUT URL can carry (a range needs a POST policy).
   */
  contentLength?: number;
  /** 1 to 604800 (7 days). */
  expiresInSeconds: number;
  /** When the signature starts (default now). */
  signingDate?: Date;
}

export interface PresignedUpload {
  /** PUT the bytes here. */
  url: string;
  /** Headers the uploader must send (the signed Content-Type; Content-Length is sent by any HTTP client). */
  headers: { 'content-type': string };
  expiresAt: Date;
}

export interface PresignDownloadOptions {
  /** 1 to 604800 (7 days). */
  expiresInSeconds: number;
  /** When the signature starts (default now). */
  signingDate?: Date;
}

export interface PresignedDownload {
  /** GET the object here, with no extra headers. */
  url: string;
  expiresAt: Date;
}

/**
 * A presigned PUT URL for one object. Without `contentLength` it cannot limit the size: check size and
 * content type after the upload, before trusting the object (the worker does both).
 */
export async function presignUpload(
  client: S3Client,
  ref: ObjectRef,
  options: PresignUploadOptions,
): Promise<PresignedUpload> {
  const { contentType, contentLength, expiresInSeconds, signingDate = new Date() } = options;
  checkExpiry(expiresInSeconds);
  if (contentLength !== undefined && (!Number.isSafeInteger(contentLength) || contentLength < 0)) {
    throw new HdmError('INTERNAL', 'contentLength must be a whole number of bytes');
  }
  const command = new PutObjectCommand({
    Bucket: ref.bucket,
    Key: ref.key,
    ContentType: contentType,
    ContentLength: contentLength,
  });
  const url = await sign('PutObject', () =>
    getSignedUrl(client, command, {
      expiresIn: expiresInSeconds,
      signingDate,
      // The presigner leaves Content-Type and Content-Length unsigned by default; signing them makes S3 enforce them.
      signableHeaders: new Set(contentLength === undefined ? ['content-type'] : ['content-type', 'content-length']),
      unsignableHeaders: new Set(CHECKSUM_HEADERS),
      unhoistableHeaders: new Set(CHECKSUM_HEADERS),
    }),
  );
  return { url, headers: { 'content-type': contentType }, expiresAt: expiry(signingDate, expiresInSeconds) };
}

/** A presigned GET URL for one object (MaskedImage.url). Does not check that the object exists. */
export async function presignDownload(
  client: S3Client,
  ref: ObjectRef,
  options: PresignDownloadOptions,
): Promise<PresignedDownload> {
  const { expiresInSeconds, signingDate = new Date() } = options;
  checkExpiry(expiresInSeconds);
  const command = new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key });
  const url = await sign('GetObject', () =>
    getSignedUrl(client, command, { expiresIn: expiresInSeconds, signingDate }),
  );
  return { url, expiresAt: expiry(signingDate, expiresInSeconds) };
}

function checkExpiry(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXPIRES_IN_SECONDS) {
    throw new HdmError('INTERNAL', `expiresInSeconds must be an integer from 1 to ${MAX_EXPIRES_IN_SECONDS}`);
  }
}

function expiry(signingDate: Date, seconds: number): Date {
  return new Date(signingDate.getTime() + seconds * 1000);
}

// Presigning is local (no request), but resolving credentials or the endpoint can still fail.
async function sign(operation: string, call: () => Promise<string>): Promise<string> {
  try {
    return await call();
  } catch (error) {
    throw wrapS3Error(error, `presign ${operation}`);
  }
}
