/* Errors of the local APPSYNC_JS runtime: one class per condition. */

/** What `util.error` / `util.unauthorized` throw: ends the resolver with this GraphQL error. */
export class JsResolverError extends Error {
  readonly errorType: string | undefined;
  readonly data: unknown;
  readonly errorInfo: unknown;

  constructor(message: string, errorType?: string, data?: unknown, errorInfo?: unknown) {
    super(message);
    this.name = 'JsResolverError';
    this.errorType = errorType;
    this.data = data;
    this.errorInfo = errorInfo;
  }
}

// Thrown by the bundler too, which lives beside the resolvers (build-time code infra/ may import).
export { JsResolverLoadError } from '../../resolvers/appsync/JsResolverLoadError.ts';

/** A resolver used a part of the APPSYNC_JS runtime (or a data source operation) this local one lacks. */
export class NotImplementedLocallyError extends Error {
  constructor(what: string, options?: ErrorOptions) {
    super(`${what} is not implemented by the local APPSYNC_JS runtime`, options);
    this.name = 'NotImplementedLocallyError';
  }
}

/** A runtime helper was used where AppSync does not allow it (outside a handler, or on the wrong field or phase). */
export class JsRuntimeMisuseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsRuntimeMisuseError';
  }
}

/** Not an error: how `runtime.earlyReturn` unwinds a handler (APPSYNC_JS has no throw for resolvers to catch). */
export class EarlyReturnSignal {
  readonly value: unknown;

  constructor(value: unknown) {
    this.value = value;
  }
}

/** A data source call failed; runJsResolver hands it to the response handler as `ctx.error` ({ message, type }). */
export class DataSourceError extends Error {
  /** AppSync's form, e.g. `DynamoDB:ConditionalCheckFailedException`. */
  readonly type: string;

  constructor(type: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DataSourceError';
    this.type = type;
  }
}
