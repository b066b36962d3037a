import { HdmError } from '../../src/core/errors.ts';

/**
 * Why a request's IAM authentication failed, in the shape AWS AppSync answers with: an HTTP status, an
 * `errorType` (AppSync also sends it as `x-amzn-ErrorType`) and a message, so the server can reply
 * `{ "errors": [{ "errorType", "message" }] }` exactly as AppSync does. Sources for each shape are in
 * README.md. Messages never contain the body, a secret key, a session token or a signature.
 */
export class AppSyncAuthError extends HdmError {
  readonly statusCode: 400 | 401 | 403;
  readonly errorType: string;

  constructor(statusCode: 400 | 401 | 403, errorType: string, message: string, options?: ErrorOptions) {
    super('UNAUTHORIZED', message, options);
    this.name = 'AppSyncAuthError';
    this.statusCode = statusCode;
    this.errorType = errorType;
  }
}

/** No Authorization header at all (a presigned query string does not count: AppSync does not take one). */
export class MissingAuthenticationError extends AppSyncAuthError {
  constructor() {
    super(401, 'UnauthorizedException', 'Missing authorization header');
    this.name = 'MissingAuthenticationError';
  }
}

/** An Authorization header that is not SigV4 at all (an API key, a JWT, Basic, ...). */
export class InvalidAuthorizationHeaderError extends AppSyncAuthError {
  constructor() {
    super(401, 'UnauthorizedException', 'Valid authorization header not provided.');
    this.name = 'InvalidAuthorizationHeaderError';
  }
}

/** SigV4, but with another algorithm than AWS4-HMAC-SHA256 (SigV4a, typos). */
export class UnsupportedAlgorithmError extends AppSyncAuthError {
  constructor(algorithm: string) {
    super(
      403,
      'IncompleteSignatureException',
      `Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now). `,
    );
    this.name = 'UnsupportedAlgorithmError';
  }
}

/** The AWS4-HMAC-SHA256 header lacks Credential, SignedHeaders or Signature, or a part is not key=value. */
export class InvalidSignatureHeaderError extends AppSyncAuthError {
  constructor(message: string) {
    super(403, 'IncompleteSignatureException', message);
    this.name = 'InvalidSignatureHeaderError';
  }
}

/** Neither X-Amz-Date nor Date is present. */
export class MissingDateError extends AppSyncAuthError {
  constructor() {
    super(
      403,
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
    this.name = 'MissingDateError';
  }
}

/** The date header is not ISO 8601 basic format (`20240131T235959Z`). */
export class InvalidDateError extends AppSyncAuthError {
  constructor(value: string) {
    super(
      403,
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${value.slice(0, 40)}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
    this.name = 'InvalidDateError';
  }
}

/** A header named in SignedHeaders is not in the request. */
export class MissingSignedHeaderError extends AppSyncAuthError {
  constructor(header: string) {
    super(
      403,
      'IncompleteSignatureException',
      `'${header}' is named as a SignedHeader, but it does not exist in the HTTP request.`,
    );
    this.name = 'MissingSignedHeaderError';
  }
}

/** `host` is not among the signed headers, so the signature is not bound to this endpoint. */
export class HostNotSignedError extends AppSyncAuthError {
  constructor() {
    super(
      403,
      'InvalidSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
    this.name = 'HostNotSignedError';
  }
}

/**
 * The request's date header is not signed, so a captured signature could be replayed with a fresh date
 * outside the skew window. AWS's SigV4 services require it; the message follows AWS's text for `host`.
 */
export class DateNotSignedError extends AppSyncAuthError {
  constructor(header: string) {
    super(
      403,
      'InvalidSignatureException',
      `'${header === 'date' ? 'Date' : 'X-Amz-Date'}' must be a 'SignedHeader' in the AWS Authorization.`,
    );
    this.name = 'DateNotSignedError';
  }
}

/**
 * The signed `host` is not a name of this server: a signature made for another endpoint (or a page that
 * rebound its own name to this address). AppSync never sees such a request (its edge routes by host);
 * here it is refused as a signature that does not belong to this API.
 */
export class HostNotServedError extends AppSyncAuthError {
  constructor() {
    super(403, 'InvalidSignatureException', 'The request was signed for a host name this API does not serve.');
    this.name = 'HostNotServedError';
  }
}

/** The Credential is not `keyid/date/region/service/aws4_request`. */
export class MalformedCredentialError extends AppSyncAuthError {
  constructor(message: string) {
    super(403, 'IncompleteSignatureException', message);
    this.name = 'MalformedCredentialError';
  }
}

/** The credential scope names a region this server is not configured for. */
export class RegionNotConfiguredError extends AppSyncAuthError {
  constructor() {
    super(403, 'InvalidSignatureException', 'Credential should be scoped to a valid region. ');
    this.name = 'RegionNotConfiguredError';
  }
}

/** The credential scope names another service than `appsync`. */
export class WrongServiceError extends AppSyncAuthError {
  constructor(expected: string) {
    super(403, 'InvalidSignatureException', `Credential should be scoped to correct service: '${expected}'. `);
    this.name = 'WrongServiceError';
  }
}

/** The scope's date is not the day of the request's date header. */
export class ScopeDateMismatchError extends AppSyncAuthError {
  constructor(scopeDate: string, amzDate: string) {
    super(
      403,
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
    this.name = 'ScopeDateMismatchError';
  }
}

/** The request's date is more than the allowed skew in the past: a replay or a slow clock. */
export class SignatureExpiredError extends AppSyncAuthError {
  constructor(amzDate: string, earliest: string, now: string, skewMinutes: string) {
    super(
      400,
      'BadRequestException',
      `Signature expired: ${amzDate} is now earlier than ${earliest} (${now} - ${skewMinutes} min.)`,
    );
    this.name = 'SignatureExpiredError';
  }
}

/** The request's date is more than the allowed skew in the future. */
export class SignatureNotYetCurrentError extends AppSyncAuthError {
  constructor(amzDate: string, latest: string, now: string, skewMinutes: string) {
    super(
      400,
      'BadRequestException',
      `Signature not yet current: ${amzDate} is still later than ${latest} (${now} + ${skewMinutes} min.)`,
    );
    this.name = 'SignatureNotYetCurrentError';
  }
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';

/** No principal has this access key id. */
export class UnknownAccessKeyError extends AppSyncAuthError {
  constructor() {
    super(403, 'UnrecognizedClientException', INVALID_TOKEN);
    this.name = 'UnknownAccessKeyError';
  }
}

/** The session token is missing, wrong, or present for a key that has none. */
export class InvalidSessionTokenError extends AppSyncAuthError {
  constructor() {
    super(403, 'UnrecognizedClientException', INVALID_TOKEN);
    this.name = 'InvalidSessionTokenError';
  }
}

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * The signature does not verify: wrong secret, or the method, path, a signed header or the body changed.
 * AppSync appends the canonical request it computed; we do not, because it holds the session token.
 */
export class SignatureMismatchError extends AppSyncAuthError {
  constructor() {
    super(403, 'InvalidSignatureException', MISMATCH);
    this.name = 'SignatureMismatchError';
  }
}

/**
 * `x-amz-content-sha256` is not the SHA-256 of the body (or is `UNSIGNED-PAYLOAD`). AppSync hashes the body
 * itself, so to a client this is just a signature that does not match: same shape, its own class for logs.
 */
export class PayloadHashMismatchError extends SignatureMismatchError {
  constructor() {
    super();
    this.name = 'PayloadHashMismatchError';
  }
}

/** The principals file (or the generated credentials file) is unreadable or invalid; lists every problem. */
export class PrincipalsFileError extends Error {
  readonly file: string;
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[], options?: ErrorOptions) {
    super(
      `${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`,
      options,
    );
    this.name = 'PrincipalsFileError';
    this.file = file;
    this.problems = problems;
  }
}
