import { HdmError, PayloadTooLargeError, ThrottledError, UnsupportedImageError } from '../../core/errors.ts';

const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'LimitExceededException']);

/** Maps a Rekognition SDK error to our errors; the SDK message is not copied (the SDK error is the cause). */
export function wrapRekognitionError(error: unknown): HdmError {
  if (error instanceof HdmError) return error;
  const name = error instanceof Error ? error.name : 'UnknownError';
  if (THROTTLING.has(name))
    return new ThrottledError('Rekognition DetectText is throttling, retry later', { cause: error });
  if (name === 'InvalidImageFormatException')
    return new UnsupportedImageError('Rekognition cannot read this image (PNG or JPEG only)', { cause: error });
  if (name === 'ImageTooLargeException')
    return new PayloadTooLargeError('the image is too large for Rekognition (5 MB inline, 15 MB in S3)', {
      cause: error,
    });
  return new HdmError('INTERNAL', `Rekognition DetectText failed (${name})`, { cause: error });
}
