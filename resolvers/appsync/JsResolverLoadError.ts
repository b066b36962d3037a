/**
 * A resolver file could not be bundled, breaks an APPSYNC_JS language rule, or lacks request/response.
 * Thrown by the bundler (build time, infra/ and the local host) and by the local runtime's loader.
 */
export class JsResolverLoadError extends Error {
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super(`${file}: ${message}`, options);
    this.name = 'JsResolverLoadError';
    this.file = file;
  }
}
