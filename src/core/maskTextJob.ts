import type { Caller } from './Caller.ts';
import { checkClientToken } from './checkClientToken.ts';
import { clientTokenJobId } from './clientTokenJobId.ts';
import { ClientTokenReusedError, HdmError, InvalidInputError, PayloadTooLargeError } from './errors.ts';
import { countFindingsByType, type Finding, type Job, withoutTerms } from './Job.ts';
import type { MaskOptions } from './MaskOptions.ts';
import { newTextJob, queueTextJob } from './queueTextJob.ts';
import type { JobServices } from './JobServices.ts';
import { type MaskedSpan, maskText } from './maskText.ts';
import { type MaskOptionsInput, parseMaskOptions } from './parseMaskOptions.ts';
import { utf8Length } from './utf8Length.ts';
import { advanceJob, failJob, publishStatus } from './recordJobOutcome.ts';

export interface MaskTextInput {
  text: string;
  options?: MaskOptionsInput | null;
  clientToken?: string | null;
}

/**
 * The maskText mutation: records a TEXT job, masks within the call, records the findings, and returns
 * the finished job (SUCCEEDED with `maskedText`, or FAILED with an error). Each status is published.
 * Findings are written before the job turns SUCCEEDED, so a SUCCEEDED job always has all of them.
 * A text longer than `limits.maxSyncTextLength` is queued instead (queueTextJob.ts): the job comes back QUEUED
 * and the worker finishes it (processTextJob.ts).
 * A retry with the same `clientToken` returns the first call's job and does the work only once: the job's id is
 * the token's (clientTokenJobId), so its one conditional write is also the token's claim (3 DynamoDB requests).
 * @throws InvalidInputError / PayloadTooLargeError before anything is written.
 */
export async function maskTextJob(services: JobServices, caller: Caller, input: MaskTextInput): Promise<Job> {
  const { text } = input;
  if (typeof text !== 'string') throw new InvalidInputError('input.text must be a string');
  if (text.length > services.limits.maxTextLength) {
    throw new PayloadTooLargeError(`input.text must be at most ${services.limits.maxTextLength} characters`);
  }
  const clientToken = checkClientToken(input.clientToken);
  const { mask, recorded } = parseMaskOptions(input.options);
  const id = clientToken === undefined ? services.newId() : await clientTokenJobId(caller.owner, clientToken);
  if (text.length > services.limits.maxSyncTextLength && services.images) {
    const queued = await queueTextJob(services, caller, {
      id,
      text,
      recorded,
      clientToken,
      queue: services.images.queue,
    });
    return queued.created ? queued.job : retriedTextJob(services, caller, queued.job);
  }
  const { job, created } = await services.jobs.createJob(
    newTextJob(services, caller, id, 'RUNNING', withoutTerms(recorded)),
    clientToken,
  );
  if (!created) return retriedTextJob(services, caller, job);
  await publishStatus(services, job);
  try {
    // This call created the job and is its only writer: one unconditional batch, no merge read (3 requests a job).
    const done = await runTextJob(services, job, text, mask, { firstWrite: true });
    return { ...done, options: recorded };
  } catch (error) {
    return failJob(services, job, error);
  }
}

/**
 * Masks a RUNNING TEXT job's text and records it: the result first, the findings next, SUCCEEDED last (only the
 * final status write can fail after the findings exist). Returns the job as written, with its masked text.
 * Shared by the call (maskTextJob) and the worker (processTextJob).
 */
export async function runTextJob(
  services: JobServices,
  job: Job,
  text: string,
  mask: MaskOptions,
  writes: { firstWrite: boolean },
): Promise<Job> {
  // Only the detection option: minScore and types are applied by maskText, with the allow and deny lists.
  const entities = await services.detector.detect(text, { maskCareUnits: mask.maskCareUnits === true });
  const { maskedText, spans } = maskText(text, entities, mask);
  const findings = toFindings(job, spans);
  const result = await storeResult(services, job, maskedText);
  await services.jobs.putFindings(findings, { firstWrite: writes.firstWrite });
  const done = await advanceJob(services, job, {
    status: 'SUCCEEDED',
    ...result,
    findingCount: findings.length,
    findingCounts: countFindingsByType(findings),
  });
  return { ...done, maskedText };
}

/** The job of a clientToken used before: a TEXT job (with its masked text when done), never another kind. */
export async function retriedTextJob(services: JobServices, caller: Caller, job: Job): Promise<Job> {
  if (job.owner !== caller.owner) throw new HdmError('INTERNAL', "a client token's job belongs to another owner");
  if (job.kind !== 'TEXT') throw new ClientTokenReusedError('maskImage');
  // A queued long note whose first call failed to send its message (SendMessage threw after the job was
  // written): send it again, as maskImage does. A duplicate is harmless: the worker's claim is conditional.
  if (job.status === 'QUEUED' && job.input !== undefined) await services.images?.queue.enqueue(job.id);
  return withMaskedText(services, job);
}

function toFindings(job: Job, spans: readonly MaskedSpan[]): Finding[] {
  const findings: Finding[] = [];
  for (const span of spans) {
    // Deny-list terms are the caller's own words, not something found.
    if (span.type === 'DENY_LIST') continue;
    const seq = findings.length + 1;
    findings.push({
      id: `${job.id}:${seq}`,
      jobId: job.id,
      owner: job.owner,
      seq,
      type: span.type,
      score: span.score,
      beginOffset: span.begin,
      endOffset: span.end,
      createdAt: job.createdAt,
      expiresAt: job.expiresAt,
    });
  }
  return findings;
}

/** Small results live in the job record; big ones in the object store (DynamoDB items stop at 400 KB). */
async function storeResult(
  services: JobServices,
  job: Job,
  maskedText: string,
): Promise<Pick<Job, 'maskedText' | 'maskedTextRef'>> {
  if (utf8Length(maskedText) <= services.limits.maxInlineResultBytes) return { maskedText };
  const ref = { bucket: services.bucket, key: `results/${job.id}/masked.txt` };
  await services.objects.put(ref, maskedText, 'text/plain; charset=utf-8');
  return { maskedTextRef: ref };
}

/** A job's masked text, from its record or from the object store. */
export async function withMaskedText(services: JobServices, job: Job): Promise<Job> {
  if (job.maskedText !== undefined || !job.maskedTextRef) return job;
  const bytes = await services.objects.get(job.maskedTextRef);
  return { ...job, maskedText: new TextDecoder().decode(bytes) };
}
