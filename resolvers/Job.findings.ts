import { UnauthorizedError } from '../src/core/errors.ts';
import type { Job } from '../src/core/Job.ts';
import { listFindingsOfJob } from '../src/core/jobQueries.ts';
import { callerOf, type FieldResolver } from './ResolverEvent.ts';

/** `Job.findings(limit, nextToken): FindingConnection!` — the parent job, checked again against the caller. */
export const jobFindings: FieldResolver<{ limit?: number | null; nextToken?: string | null }, Job> = async (
  event,
  services,
) => {
  if (event.source.owner !== callerOf(event).owner) throw new UnauthorizedError();
  return listFindingsOfJob(services, event.source, event.arguments.limit, event.arguments.nextToken);
};
