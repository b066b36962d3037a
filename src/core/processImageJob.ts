import {
  HdmError,
  InvalidInputError,
  JobStateConflictError,
  ObjectNotFoundError,
  PayloadTooLargeError,
  UnsupportedImageError,
} from './errors.ts';
import type { PreparedImage } from './Image.ts';
import { countFindingsByType, type Finding, type Job } from './Job.ts';
import type { JobServices } from './JobServices.ts';
import { maskImageBytes } from './maskImageBytes.ts';
import { MAX_IMAGE_BYTES } from './maxImageBytes.ts';
import { termsRefOf } from './maskImageJob.ts';
import { parseMaskOptions } from './parseMaskOptions.ts';
import { processTextJob } from './processTextJob.ts';
import { advanceJob, failJob } from './recordJobOutcome.ts';

export { MAX_IMAGE_BYTES } from './maxImageBytes.ts';

/**
 * What the worker runs for a queued job id: an IMAGE job (processImageJob) or a long maskText's TEXT job
 * (processTextJob). Both come on the same queue; the message names only the job.
 */
export async function processJob(services: JobServices, jobId: string): Promise<Job | undefined> {
  const job = await services.jobs.getJob(jobId);
  if (job?.kind === 'TEXT') return processTextJob(services, job);
  return processImageJob(services, jobId, job);
}

/**
 * The image worker's job: QUEUED → RUNNING → SUCCEEDED (masked image stored, findings written first)
 * or FAILED with a closed code. Each change is published. A job another worker already took, or that
 * no longer exists, is left alone.
 */
export async function processImageJob(services: JobServices, jobId: string, read?: Job): Promise<Job | undefined> {
  const images = services.images;
  const queued = read?.id === jobId ? read : await services.jobs.getJob(jobId);
  if (!images || !queued || queued.status !== 'QUEUED' || queued.kind !== 'IMAGE' || !queued.input) return queued;
  const { extractor, redactor } = images;
  // A deployment error, not the job's: thrown before RUNNING, so the queue redelivers the job elsewhere.
  if (!extractor || !redactor)
    throw new HdmError('INTERNAL', 'this function has no image engines (images are processed by the image worker)');
  const engines = { ...images, extractor, redactor };
  let job: Job;
  try {
    job = await advanceJob(services, queued, { status: 'RUNNING' });
  } catch (error) {
    // Another worker took it first (the status write is conditional on QUEUED): its job now.
    if (error instanceof JobStateConflictError) return services.jobs.getJob(jobId);
    throw error;
  }
  try {
    const input = await loadInput(services, job);
    // Same order as ever: decode, then the declared type, then the terms (only for a usable image).
    const masked = await maskImageBytes({ ...engines, detector: services.detector }, input.bytes, async (prepared) => {
      checkDeclaredType(prepared, input.declared);
      return parseMaskOptions({ ...job.options, ...(await loadTerms(services, job)) }).mask;
    });
    const redacted = masked.image;
    const findings = masked.findings.map((found, i): Finding => ({
      ...found,
      id: `${job.id}:${i + 1}`,
      jobId: job.id,
      owner: job.owner,
      seq: i + 1,
      createdAt: job.createdAt,
      expiresAt: job.expiresAt,
    }));
    services.logger.info('image.masked', {
      jobId: job.id,
      words: masked.wordCount,
      covered: masked.coveredWords,
      findings: findings.length,
    });
    const output = {
      bucket: images.outputBucket,
      key: `masked/${job.id}/image.${redacted.format === 'jpeg' ? 'jpg' : redacted.format}`,
    };
    await services.objects.put(output, redacted.bytes, redacted.contentType);
    await services.jobs.putFindings(findings);
    // advanceJob also deletes the job's allow and deny terms once SUCCEEDED or FAILED is recorded.
    return await advanceJob(services, job, {
      status: 'SUCCEEDED',
      maskedImage: {
        ...output,
        contentType: redacted.contentType,
        width: redacted.width,
        height: redacted.height,
        size: redacted.bytes.byteLength,
      },
      findingCount: findings.length,
      findingCounts: countFindingsByType(findings),
      ...(masked.truncated
        ? { warnings: ['OCR read only part of the page (the engine has a word limit); some text may be unmasked'] }
        : {}),
    });
  } catch (error) {
    return failJob(services, job, error);
  }
}

/** The input object's bytes, checked for existence and size, with the content type it was declared as. */
async function loadInput(
  services: JobServices,
  job: Job,
): Promise<{ bytes: Uint8Array; declared: string | undefined }> {
  const ref = job.input as NonNullable<Job['input']>;
  let head;
  try {
    head = await services.objects.head(ref);
  } catch (error) {
    if (error instanceof ObjectNotFoundError)
      throw new InvalidInputError(
        'the input image does not exist (upload it to the URL from createImageUpload first)',
        { cause: error },
      );
    throw error;
  }
  if (head.size > MAX_IMAGE_BYTES)
    throw new PayloadTooLargeError(`the input image must be at most ${MAX_IMAGE_BYTES} bytes`);
  return { bytes: await services.objects.get(ref), declared: head.contentType?.split(';')[0]?.trim().toLowerCase() };
}

/** The decoded content must be the image type the upload was declared as (octet-stream declares nothing). */
function checkDeclaredType(prepared: PreparedImage, declared: string | undefined): void {
  if (declared && declared !== 'application/octet-stream' && declared !== prepared.contentType) {
    throw new UnsupportedImageError(`the upload's content is ${prepared.contentType}, not the declared ${declared}`);
  }
}

/** The allow and deny terms maskImage left next to the input, if it had any. */
async function loadTerms(services: JobServices, job: Job): Promise<{ allowList?: string[]; denyList?: string[] }> {
  if (job.options.allowListCount + job.options.denyListCount === 0) return {};
  return JSON.parse(new TextDecoder().decode(await services.objects.get(termsRefOf(services, job.id)))) as {
    allowList: string[];
    denyList: string[];
  };
}
