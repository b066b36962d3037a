import { getOwnJob } from '../src/core/jobQueries.ts';
import { withMaskedText } from '../src/core/maskTextJob.ts';
import { callerOf, type FieldResolver, selects } from './ResolverEvent.ts';

/** `job(id: ID!): Job` — null when there is no such job of the caller's. */
export const job: FieldResolver<{ id: string }> = async (event, services) => {
  const found = await getOwnJob(services, callerOf(event), event.arguments.id);
  if (!found) return null;
  // A big result lives in the object store: fetch it only when asked for.
  return selects(event, 'maskedText') ? withMaskedText(services, found) : found;
};
