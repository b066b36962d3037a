import type { FindingFilter } from '../src/core/Job.ts';
import { listOwnFindings } from '../src/core/jobQueries.ts';
import { withoutNulls } from './Query.jobs.ts';
import { callerOf, type FieldResolver } from './ResolverEvent.ts';

interface Args {
  filter?: FindingFilter | null;
  limit?: number | null;
  nextToken?: string | null;
}

/** `findings(filter, limit, nextToken): FindingConnection!` */
export const findings: FieldResolver<Args> = (event, services) =>
  listOwnFindings(
    services,
    callerOf(event),
    withoutNulls(event.arguments.filter),
    event.arguments.limit,
    event.arguments.nextToken,
  );
