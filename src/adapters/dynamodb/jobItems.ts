import type { Job } from '../../core/Job.ts';
import type { OpenJob } from '../../core/ports.ts';
import { GSI3PK, jobKey, jobSortKey, openStatusOf, ownerJobsPk } from './tableDesign.ts';

/* Job items: keys plus every model field as a top-level attribute of the same name (findings: findingChunks.ts). */

export type Item = Record<string, unknown>;

const JOB_FIELDS = [
  'id',
  'kind',
  'status',
  'owner',
  'createdAt',
  'updatedAt',
  'expiresAt',
  'options',
  'input',
  'maskedText',
  'maskedTextRef',
  'maskedImage',
  'findingCount',
  'findingCounts',
  'warnings',
  'error',
] as const satisfies readonly (keyof Job)[];

export function jobToItem(job: Job): Item {
  const openStatus = openStatusOf(job.status);
  return {
    ...jobKey(job.id),
    GSI1PK: ownerJobsPk(job.owner),
    GSI1SK: jobSortKey(job.createdAt, job.id),
    ...(openStatus ? { [GSI3PK]: openStatus } : {}),
    ...pick(job, JOB_FIELDS),
  };
}

/** A GSI3 item as the sweep reads it: the job, and the re-queue count stored beside its fields. */
export function itemToOpenJob(item: Item): OpenJob {
  return { job: itemToJob(item), requeues: typeof item.requeues === 'number' ? item.requeues : 0 };
}

/** Only the model's fields: keys and anything else on the item stay behind. */
export function itemToJob(item: Item): Job {
  const job = pick(item, JOB_FIELDS) as unknown as Job;
  return job.options ? { ...job, options: withOptionDefaults(job.options) } : job;
}

/**
 * Jobs recorded before `maskCareUnits` existed did not ask for it: they read as false, since the contract's
 * `MaskOptions.maskCareUnits` is non-null. Such records expire (TTL), and this default can go with them.
 */
function withOptionDefaults(options: Job['options']): Job['options'] {
  return { ...options, maskCareUnits: options.maskCareUnits ?? false };
}

/** Copies the named fields that are present; undefined values are dropped (DynamoDB has no undefined). */
function pick(source: object, fields: readonly string[]): Item {
  const out: Item = {};
  for (const field of fields) {
    const value = (source as Item)[field];
    if (value !== undefined) out[field] = withoutUndefined(value);
  }
  return out;
}

/**
 * Drops undefined members at any depth, so writes work with any injected DocumentClient (not only
 * one built with `removeUndefinedValues`) and the in-memory copy equals what DynamoDB would return.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Item = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = withoutUndefined(member);
    return out as T;
  }
  return value;
}
