import { withInvocation, type Invocation, type ResolverErrorEntry } from './appsyncUtils.ts';
import { DataSourceError, EarlyReturnSignal, JsResolverError } from './errors.ts';
import type { JsDataSource } from './JsDataSource.ts';
import type { JsResolver, JsResolverContext, JsResolverInput } from './JsResolverContext.ts';
import type { SubscriptionFilter } from './SubscriptionFilter.ts';

export interface JsResolverOutcome {
  /** The field's value: the response handler's return (JSON-normalised, as AppSync serialises it), or null. */
  result: unknown;
  /** util.appendError entries, then the util.error / util.unauthorized that ended the resolver, if any. */
  errors: ResolverErrorEntry[];
  /** Set by extensions.setSubscriptionFilter in a response that completed. */
  subscriptionFilter?: SubscriptionFilter;
}

type HandlerOutcome =
  | { kind: 'returned'; value: unknown }
  | { kind: 'earlyReturn'; value: unknown }
  | { kind: 'failed'; error: ResolverErrorEntry };

/**
 * Runs a unit resolver as AppSync does: request(ctx) → data source → response(ctx). `util.error` in either
 * handler ends the resolver with that error and a null result; `runtime.earlyReturn` in the request skips
 * the data source and the response. A data source failure reaches the response as `ctx.error`; raising it is
 * the response handler's choice (as in AppSync). Anything else a handler throws (a bug, or a part of the
 * runtime not implemented locally) rejects.
 */
export async function runJsResolver(
  resolver: JsResolver,
  input: JsResolverInput,
  dataSource: JsDataSource,
): Promise<JsResolverOutcome> {
  const ctx = createContext(input);
  const errors: ResolverErrorEntry[] = [];
  const invocation = { fieldName: ctx.info.fieldName, parentTypeName: ctx.info.parentTypeName, errors };

  const request = runHandler(() => withInvocation({ ...invocation, phase: 'request' }, () => resolver.request(ctx)));
  if (request.kind === 'failed') return { result: null, errors: [...errors, request.error] };
  if (request.kind === 'earlyReturn') return { result: toJson(request.value), errors };

  await callDataSource(dataSource, toJson(request.value), ctx);

  // extensions.setSubscriptionFilter records the filter on this object.
  const responseInvocation: Invocation = { ...invocation, phase: 'response' };
  const response = runHandler(() => withInvocation(responseInvocation, () => resolver.response(ctx)));
  if (response.kind === 'failed') return { result: null, errors: [...errors, response.error] };
  return {
    result: toJson(response.value),
    errors,
    ...(responseInvocation.subscriptionFilter && { subscriptionFilter: responseInvocation.subscriptionFilter }),
  };
}

function createContext(input: JsResolverInput): JsResolverContext {
  // Copies, so a handler that mutates its arguments or stash cannot reach into the caller's objects.
  const args = structuredClone(input.arguments);
  return {
    arguments: args,
    args,
    identity: input.identity ? structuredClone(input.identity) : null,
    source: input.source ? structuredClone(input.source) : null,
    info: { variables: {}, selectionSetList: [], ...structuredClone(input.info) },
    stash: input.stash ? structuredClone(input.stash) : {},
    prev: input.prev ? structuredClone(input.prev) : null,
    result: null,
    error: null,
    request: input.request ? structuredClone(input.request) : { headers: {} },
    // Frozen: AppSync's env is read-only configuration, the same for every invocation.
    env: Object.freeze({ ...input.env }),
  };
}

function runHandler(handler: () => unknown): HandlerOutcome {
  try {
    return { kind: 'returned', value: handler() };
  } catch (thrown) {
    if (thrown instanceof EarlyReturnSignal) return { kind: 'earlyReturn', value: thrown.value };
    if (thrown instanceof JsResolverError) return { kind: 'failed', error: entryOf(thrown) };
    throw thrown;
  }
}

async function callDataSource(dataSource: JsDataSource, request: unknown, ctx: JsResolverContext): Promise<void> {
  try {
    ctx.result = toJson(await dataSource.invoke(request));
  } catch (error) {
    if (!(error instanceof DataSourceError)) throw error;
    ctx.error = { message: error.message, type: error.type };
  }
}

function entryOf(error: JsResolverError): ResolverErrorEntry {
  return {
    message: error.message,
    ...(error.errorType !== undefined && { errorType: error.errorType }),
    ...(error.data !== undefined && { data: toJson(error.data) }),
    ...(error.errorInfo !== undefined && { errorInfo: toJson(error.errorInfo) }),
  };
}

/** AppSync passes values between handlers and data sources as JSON; undefined becomes null. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
