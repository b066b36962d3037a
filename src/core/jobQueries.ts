import type { Caller } from './Caller.ts';
import { InvalidInputError } from './errors.ts';
import type { Finding, FindingFilter, Job, JobFilter, Page } from './Job.ts';
import type { JobServices } from './JobServices.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** One of the caller's jobs; undefined when there is none with this id or it is someone else's (not told apart). */
export async function getOwnJob(services: JobServices, caller: Caller, id: string): Promise<Job | undefined> {
  checkId(id, 'id');
  const job = await services.jobs.getJob(id);
  return job && job.owner === caller.owner ? job : undefined;
}

/** The caller's jobs, newest first. */
export async function listOwnJobs(
  services: JobServices,
  caller: Caller,
  filter: JobFilter = {},
  limit?: number | null,
  nextToken?: string | null,
): Promise<Page<Job>> {
  return services.jobs.listJobs(caller.owner, normalizeTimes(filter), pageSize(limit), nextToken ?? undefined);
}

/** What was found in the caller's jobs, newest first; another caller's job id gives an empty page. */
export async function listOwnFindings(
  services: JobServices,
  caller: Caller,
  filter: FindingFilter = {},
  limit?: number | null,
  nextToken?: string | null,
): Promise<Page<Finding>> {
  if (filter.jobId !== undefined) checkId(filter.jobId, 'filter.jobId');
  return services.jobs.listFindings(caller.owner, normalizeTimes(filter), pageSize(limit), nextToken ?? undefined);
}

/** A job's findings in document order; `job` was read through getOwnJob or returned to its owner. */
export async function listFindingsOfJob(
  services: JobServices,
  job: Job,
  limit?: number | null,
  nextToken?: string | null,
): Promise<Page<Finding>> {
  return services.jobs.listJobFindings(job.id, pageSize(limit), nextToken ?? undefined);
}

function pageSize(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new InvalidInputError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  return limit;
}

function checkId(id: string, field: string): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > 128)
    throw new InvalidInputError(`${field} must be 1 to 128 characters`);
}

/** Times as UTC ISO strings, the form records sort by; any ISO 8601 offset is accepted on the way in. */
function normalizeTimes<F extends { createdAfter?: string; createdBefore?: string }>(filter: F): F {
  const out = { ...filter };
  for (const field of ['createdAfter', 'createdBefore'] as const) {
    const value = filter[field];
    if (value === undefined || value === null) {
      delete out[field];
      continue;
    }
    const time = Date.parse(value);
    if (Number.isNaN(time)) throw new InvalidInputError(`filter.${field} must be an ISO 8601 date-time`);
    out[field] = new Date(time).toISOString();
  }
  if (out.createdAfter && out.createdBefore && out.createdAfter >= out.createdBefore) {
    throw new InvalidInputError('filter.createdAfter must be before filter.createdBefore');
  }
  return out;
}
