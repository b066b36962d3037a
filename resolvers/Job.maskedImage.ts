import { UnauthorizedError } from '../src/core/errors.ts';
import type { Job } from '../src/core/Job.ts';
import { callerOf, type FieldResolver } from './ResolverEvent.ts';

/** `Job.maskedImage`: the stored reference plus a short-lived presigned GET `url`, for the job's owner. */
export const jobMaskedImage: FieldResolver<Record<string, never>, Job> = async (event, services) => {
  const image = event.source.maskedImage;
  if (!image) return null;
  if (event.source.owner !== callerOf(event).owner) throw new UnauthorizedError();
  const urls = services.images?.urls;
  const url = urls ? (await urls.downloadUrl(image, services.images?.urlExpirySeconds ?? 300)).url : null;
  return { ...image, url };
};
