import type { JobFilter } from '../src/core/Job.ts';
import { listOwnJobs } from '../src/core/jobQueries.ts';
import { callerOf, type FieldResolver } from './ResolverEvent.ts';

interface Args {
  filter?: JobFilter | null;
  limit?: number | null;
  nextToken?: string | null;
}

/** `jobs(filter, limit, nextToken): JobConnection!` — big results are not loaded in lists; `job(id)` has them. */
export const jobs: FieldResolver<Args> = (event, services) =>
  listOwnJobs(
    services,
    callerOf(event),
    withoutNulls(event.arguments.filter),
    event.arguments.limit,
    event.arguments.nextToken,
  );

/** GraphQL sends explicit nulls for unset input fields; the use cases take absent ones. */
export function withoutNulls<T extends object>(value: T | null | undefined): T {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== null && v !== undefined)) as T;
}
