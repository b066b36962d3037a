import type { Caller } from './Caller.ts';
import { IMAGE_CONTENT_TYPES } from './detectImageFormat.ts';
import { HdmError, UnsupportedImageError } from './errors.ts';
import type { JobServices } from './JobServices.ts';
import { uploadPrefixOf } from './uploadPrefix.ts';

export interface ImageUpload {
  bucket: string;
  key: string;
  url: string;
  expiresAt: string;
}

const ACCEPTED = new Set(Object.values(IMAGE_CONTENT_TYPES));

/**
 * createImageUpload: a presigned PUT URL for one image under the caller's own prefix, short-lived. The
 * client PUTs the image with the same Content-Type, then calls maskImage with the returned bucket and key.
 * The worker checks that the content really is that type (S3 does not).
 */
export async function createImageUpload(services: JobServices, caller: Caller, contentType: string): Promise<ImageUpload> {
  if (!services.images) throw new HdmError('INTERNAL', 'image masking is not configured in this deployment');
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ACCEPTED.has(type)) throw new UnsupportedImageError(`contentType must be one of ${[...ACCEPTED].join(', ')}`);
  const ref = { bucket: services.bucket, key: `${await uploadPrefixOf(caller.owner)}${services.newId()}` };
  const { url, expiresAt } = await services.images.urls.uploadUrl(ref, type, services.images.urlExpirySeconds);
  return { ...ref, url, expiresAt: expiresAt.toISOString() };
}
