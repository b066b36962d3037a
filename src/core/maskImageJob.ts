import type { Caller } from './Caller.ts';
import { checkClientToken } from './checkClientToken.ts';
import { clientTokenJobId } from './clientTokenJobId.ts';
import { decodeBase64 } from './decodeBase64.ts';
import { detectImageFormat, IMAGE_CONTENT_TYPES, type ImageFormat } from './detectImageFormat.ts';
import {
  ClientTokenReusedError,
  HdmError,
  InvalidInputError,
  ObjectNotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  UnsupportedImageError,
} from './errors.ts';
import { MAX_IMAGE_BYTES } from './maxImageBytes.ts';
import { inspectImageHeader } from './inspectImageHeader.ts';
import { uploadPrefixOf } from './uploadPrefix.ts';
import { expiryOf, type Job, type ObjectRef, withoutTerms } from './Job.ts';
import type { JobServices } from './JobServices.ts';
import { type MaskOptionsInput, parseMaskOptions } from './parseMaskOptions.ts';
import { publishStatus } from './recordJobOutcome.ts';

export interface MaskImageInput {
  s3?: ObjectRef | null;
  base64?: string | null;
  options?: MaskOptionsInput | null;
  clientToken?: string | null;
}

/**
 * The maskImage mutation: checks the input, stores an inline image, records an IMAGE job as QUEUED and
 * publishes that. The worker (images issue) takes it from there. Nothing is written when a check fails.
 */
export async function maskImageJob(services: JobServices, caller: Caller, input: MaskImageInput): Promise<Job> {
  if (!services.images) throw new HdmError('INTERNAL', 'image masking is not configured in this deployment');
  const clientToken = checkClientToken(input.clientToken);
  const { recorded } = parseMaskOptions(input.options);
  const hasObject = input.s3 !== undefined && input.s3 !== null;
  const hasInline = input.base64 !== undefined && input.base64 !== null;
  if (hasObject === hasInline) throw new InvalidInputError('input must have exactly one of s3 and base64');
  const inline = hasInline ? decodeInlineImage(services, input.base64 as string) : undefined;
  if (inline) await checkInlineImage(services, inline);
  if (input.s3) await checkUploadRef(services, caller, input.s3);
  const now = services.now();
  const id = clientToken === undefined ? services.newId() : await clientTokenJobId(caller.owner, clientToken);
  // A retry of a token whose job exists writes nothing: the image and terms keys below are that job's own.
  if (clientToken !== undefined) {
    const existing = await services.jobs.getJob(id);
    if (existing) return retriedImageJob(services, caller, existing);
  }
  const inputRef = input.s3 ?? { bucket: services.bucket, key: `inputs/${id}/image` };
  const job: Job = {
    id,
    kind: 'IMAGE',
    status: 'QUEUED',
    owner: caller.owner,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: expiryOf(now, services.recordTtlSeconds),
    options: withoutTerms(recorded),
    input: { bucket: inputRef.bucket, key: inputRef.key },
  };
  // The image and the job's allow and deny terms (PHI, like the image) are stored before the job exists,
  // next to each other in the input bucket, so a QUEUED job always has what its worker needs.
  if (inline) await services.objects.put(inputRef, inline.bytes, inline.contentType);
  if (recorded.allowListCount + recorded.denyListCount > 0) {
    await services.objects.put(
      termsRefOf(services, id),
      JSON.stringify({ allowList: recorded.allowList, denyList: recorded.denyList }),
      'application/json',
    );
  }
  let stored: Job;
  let created: boolean;
  try {
    ({ job: stored, created } = await services.jobs.createJob(job, clientToken));
  } catch (error) {
    // No job, so nothing may stay behind: the image and the terms are PHI.
    await Promise.allSettled([
      inline ? services.objects.delete(inputRef) : undefined,
      services.objects.delete(termsRefOf(services, id)),
    ]);
    throw error;
  }
  // Lost a race with a call of the same token: its job uses the very objects just written (the same keys), so
  // none is deleted here.
  if (!created) return retriedImageJob(services, caller, stored);
  await publishStatus(services, stored);
  await services.images.queue.enqueue(stored.id);
  return { ...stored, options: recorded };
}

/**
 * The job of a clientToken used before. The first call may have failed to queue it (SendMessage threw after the
 * job was written): queue it again. A second message is harmless: the worker claims a job with a conditional
 * QUEUED → RUNNING write.
 */
async function retriedImageJob(services: JobServices, caller: Caller, stored: Job): Promise<Job> {
  if (stored.owner !== caller.owner) throw new HdmError('INTERNAL', "a client token's job belongs to another owner");
  if (stored.kind !== 'IMAGE') throw new ClientTokenReusedError('maskText');
  if (stored.status === 'QUEUED') await services.images?.queue.enqueue(stored.id);
  return stored;
}

/** Where an image job's allow and deny terms wait for the worker. */
export function termsRefOf(services: JobServices, jobId: string): ObjectRef {
  return { bucket: services.bucket, key: `inputs/${jobId}/terms.json` };
}

/**
 * An inline image is small: it is checked whole at the call (header, pixel count, then a full decode
 * where the image engine is at hand), so a truncated or corrupt one is refused before any record exists
 * instead of becoming a FAILED job. The AWS API function has no image engine: there the header says it.
 */
async function checkInlineImage(
  services: JobServices,
  inline: { bytes: Uint8Array; format: ImageFormat },
): Promise<void> {
  const header = inspectImageHeader(inline.format, inline.bytes);
  if (!header || header.width === 0 || header.height === 0)
    throw new UnsupportedImageError('the image header could not be read (corrupt or truncated)');
  const limit = services.limits.maxImagePixels;
  if (header.width * header.height > limit)
    throw new PayloadTooLargeError(`the image must have at most ${limit} pixels (width × height)`);
  if (!header.complete)
    throw new UnsupportedImageError('the image is truncated: it ends before its format says it does');
  await services.images?.redactor?.prepare(inline.bytes);
}

function decodeInlineImage(
  services: JobServices,
  base64: string,
): { bytes: Uint8Array; contentType: string; format: ImageFormat } {
  const limit = services.limits.maxInlineImageBytes;
  // Decoded size is 3/4 of the text: refuse before decoding a huge string.
  if (base64.length > Math.ceil((limit * 4) / 3) + 4)
    throw new PayloadTooLargeError(
      `input.base64 must decode to at most ${limit} bytes; upload bigger images with createImageUpload`,
    );
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0)
    throw new InvalidInputError('input.base64 must be standard base64');
  const bytes = decodeBase64(base64);
  if (bytes.length === 0) throw new InvalidInputError('input.base64 must not be empty');
  if (bytes.length > limit) throw new PayloadTooLargeError(`input.base64 must decode to at most ${limit} bytes`);
  const format = detectImageFormat(bytes);
  if (!format) throw new UnsupportedImageError('the image must be PNG, JPEG, TIFF or WebP');
  return { bytes, contentType: IMAGE_CONTENT_TYPES[format], format };
}

/** Only the caller's own uploads in the input bucket: anything else is refused before it is read. */
async function checkUploadRef(services: JobServices, caller: Caller, ref: ObjectRef): Promise<void> {
  if (typeof ref.bucket !== 'string' || typeof ref.key !== 'string' || ref.key.length > 512)
    throw new InvalidInputError('input.s3 must have a bucket and a key of at most 512 characters');
  const prefix = await uploadPrefixOf(caller.owner);
  // After the prefix, only the id createImageUpload made: the key is stored with the job, and a caller's
  // own wording ("uploads/<hash>/Jane Doe.png") could carry PHI into the record.
  if (
    ref.bucket !== services.bucket ||
    !ref.key.startsWith(prefix) ||
    !/^[A-Za-z0-9-]{1,64}$/.test(ref.key.slice(prefix.length))
  ) {
    throw new UnauthorizedError('input.s3 must be one of your own uploads from createImageUpload');
  }
  // A key that was handed out but never uploaded to (or an upload too big to mask) is refused here, before a
  // job exists, rather than as a job that fails in the worker.
  const head = await services.objects.head(ref).catch((error: unknown) => {
    if (error instanceof ObjectNotFoundError)
      throw new InvalidInputError(
        'input.s3 names no uploaded image: PUT the image to the URL from createImageUpload first',
        { cause: error },
      );
    throw error;
  });
  if (head.size > MAX_IMAGE_BYTES)
    throw new PayloadTooLargeError(`the input image must be at most ${MAX_IMAGE_BYTES} bytes`);
}
