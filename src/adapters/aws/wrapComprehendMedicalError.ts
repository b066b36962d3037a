import { HdmError, InvalidInputError, ThrottledError } from '../../core/errors.ts';

/** Errors worth another attempt: the service pushed back or failed on its side. */
export const RETRYABLE_COMPREHEND_ERRORS: ReadonlySet<string> = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'ServiceUnavailableException',
  'InternalServerException',
]);

const PUSHBACK = new Set(['TooManyRequestsException', 'ThrottlingException', 'ServiceUnavailableException']);

/** Maps a Comprehend Medical SDK error to ours; the SDK message is never copied (the SDK error is the cause). */
export function wrapComprehendMedicalError(error: unknown): HdmError {
  if (error instanceof HdmError) return error;
  const name = error instanceof Error ? error.name : 'UnknownError';
  if (PUSHBACK.has(name))
    return new ThrottledError('Comprehend Medical DetectPHI is throttling or unavailable, retry later', {
      cause: error,
    });
  if (name === 'InvalidEncodingException')
    return new InvalidInputError('the text is not valid UTF-8 for Comprehend Medical', { cause: error });
  // TextSizeLimitExceededException cannot happen (texts are split below the limit); if it does, it is our bug: INTERNAL.
  return new HdmError('INTERNAL', `Comprehend Medical DetectPHI failed (${name})`, { cause: error });
}
