import type { Caller } from './Caller.ts';
import { checkClientToken } from './checkClientToken.ts';
import { detectImageFormat, IMAGE_CONTENT_TYPES } from './detectImageFormat.ts';
import { InvalidInputError, PayloadTooLargeError, UnsupportedImageError } from './errors.ts';
import type { Job, ObjectRef } from './Job.ts';
import type { JobServices } from './JobServices.ts';
import { type MaskOptionsInput, parseMaskOptions } from './parseMaskOptions.ts';
import { publishStatus } from './recordJobOutcome.ts';

export interface MaskImageInput {
  s3Object?: ObjectRef | null;
  base64?: string | null;
  options?: MaskOptionsInput | null;
  clientToken?: string | null;
}

/** Prefix of the keys createImageUpload hands out; maskImage reads only from there. */
export const UPLOAD_PREFIX = 'uploads/';

/**
 * The maskImage mutation: checks the input, stores an inline image, records an IMAGE job as QUEUED and
 * publishes that. The worker (images issue) takes it from there. Nothing is written when a check fails.
 */
export async function maskImageJob(services: JobServices, caller: Caller, input: MaskImageInput): Promise<Job> {
  const clientToken = checkClientToken(input.clientToken);
  const { recorded } = parseMaskOptions(input.options);
  const hasObject = input.s3Object !== undefined && input.s3Object !== null;
  const hasInline = input.base64 !== undefined && input.base64 !== null;
  if (hasObject === hasInline) throw new InvalidInputError('input must have exactly one of s3Object and base64');
  const inline = hasInline ? decodeInlineImage(services, input.base64 as string) : undefined;
  if (input.s3Object) checkUploadRef(services, input.s3Object);
  const now = services.now();
  const id = services.newId();
  const inputRef = input.s3Object ?? { bucket: services.bucket, key: `inputs/${id}/image` };
  const job: Job = {
    id,
    kind: 'IMAGE',
    status: 'QUEUED',
    owner: caller.owner,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + services.recordTtlSeconds,
    options: recorded,
    input: { bucket: inputRef.bucket, key: inputRef.key },
  };
  // The image is stored before the job exists, so a QUEUED job always has its input.
  if (inline) await services.objects.put(inputRef, inline.bytes, inline.contentType);
  const { job: stored, created } = await services.jobs.createJob(job, clientToken);
  if (created) await publishStatus(services, stored);
  else if (inline) await services.objects.delete(inputRef);
  return stored;
}

function decodeInlineImage(services: JobServices, base64: string): { bytes: Uint8Array; contentType: string } {
  const limit = services.limits.maxInlineImageBytes;
  // Decoded size is 3/4 of the text: refuse before decoding a huge string.
  if (base64.length > Math.ceil((limit * 4) / 3) + 4) throw new PayloadTooLargeError(`input.base64 must decode to at most ${limit} bytes; upload bigger images with createImageUpload`);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) throw new InvalidInputError('input.base64 must be standard base64');
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length === 0) throw new InvalidInputError('input.base64 must not be empty');
  if (bytes.length > limit) throw new PayloadTooLargeError(`input.base64 must decode to at most ${limit} bytes`);
  const format = detectImageFormat(bytes);
  if (!format) throw new UnsupportedImageError('the image must be PNG, JPEG, TIFF or WebP');
  return { bytes, contentType: IMAGE_CONTENT_TYPES[format] };
}

function checkUploadRef(services: JobServices, ref: ObjectRef): void {
  if (ref.bucket !== services.bucket || !ref.key.startsWith(UPLOAD_PREFIX) || ref.key.length > 512 || ref.key.includes('..')) {
    throw new InvalidInputError('input.s3Object must name an object from createImageUpload');
  }
}
