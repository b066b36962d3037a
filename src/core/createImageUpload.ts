import type { Caller } from './Caller.ts';
import { IMAGE_CONTENT_TYPES } from './detectImageFormat.ts';
import { HdmError, InvalidInputError, PayloadTooLargeError, UnsupportedImageError } from './errors.ts';
import { MAX_IMAGE_BYTES } from './maxImageBytes.ts';
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
 * client PUTs the image with the same Content-Type (and, when it named one, exactly `contentLength`
 * bytes), then calls maskImage with the returned bucket and key. The worker checks that the content
 * really is that type (S3 does not) and, for a URL without a length, its size.
 */
export async function createImageUpload(
  services: JobServices,
  caller: Caller,
  contentType: string,
  contentLength?: number | null,
): Promise<ImageUpload> {
  if (!services.images) throw new HdmError('INTERNAL', 'image masking is not configured in this deployment');
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ACCEPTED.has(type)) throw new UnsupportedImageError(`contentType must be one of ${[...ACCEPTED].join(', ')}`);
  const length = checkContentLength(contentLength);
  const ref = { bucket: services.bucket, key: `${await uploadPrefixOf(caller.owner)}${services.newId()}` };
  const options = {
    contentType: type,
    expiresInSeconds: services.images.urlExpirySeconds,
    ...(length === undefined ? {} : { contentLength: length }),
  };
  const { url, expiresAt } = await services.images.urls.uploadUrl(ref, options);
  return { ...ref, url, expiresAt: expiresAt.toISOString() };
}

/** An image's size as the caller states it: 1 byte to MAX_IMAGE_BYTES (null, as GraphQL sends an omitted Int, is none). */
function checkContentLength(contentLength: number | null | undefined): number | undefined {
  if (contentLength === undefined || contentLength === null) return undefined;
  if (!Number.isInteger(contentLength) || contentLength < 1)
    throw new InvalidInputError("contentLength must be the image's size in bytes, at least 1");
  if (contentLength > MAX_IMAGE_BYTES)
    throw new PayloadTooLargeError(`contentLength must be at most ${MAX_IMAGE_BYTES} bytes`);
  return contentLength;
}
