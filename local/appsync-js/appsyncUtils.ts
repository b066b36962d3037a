import { randomUUID } from 'node:crypto';
import { toDynamoDB, toMapValues } from './dynamoDbValues.ts';
import { EarlyReturnSignal, JsResolverError, JsRuntimeMisuseError, NotImplementedLocallyError } from './errors.ts';
import { SUBSCRIPTION_FILTER_OPERATORS, type SubscriptionFilter } from './SubscriptionFilter.ts';
import { toSubscriptionFilter } from './toSubscriptionFilter.ts';

/*
 * The local implementation of `@aws-appsync/utils` (util, extensions, runtime): what the loader hands a
 * resolver bundle for `require('@aws-appsync/utils')`. Only the subset our resolvers use; any other member
 * throws NotImplementedLocallyError naming it, rather than a puzzling "undefined is not a function".
 */

export interface ResolverErrorEntry {
  message: string;
  errorType?: string;
  data?: unknown;
  errorInfo?: unknown;
}

/** What one handler call may record; set by withInvocation around a synchronous request or response call. */
export interface Invocation {
  fieldName: string;
  parentTypeName: string;
  phase: 'request' | 'response';
  errors: ResolverErrorEntry[];
  subscriptionFilter?: SubscriptionFilter;
}

// APPSYNC_JS handlers are synchronous (no async, no promises), so a single "current" slot cannot be
// seen by two invocations at once even when many resolvers run concurrently around their data sources.
let current: Invocation | undefined;

export function withInvocation<T>(invocation: Invocation, handler: () => T): T {
  const previous = current;
  current = invocation;
  try {
    return handler();
  } finally {
    current = previous;
  }
}

function invocation(what: string): Invocation {
  if (!current) throw new JsRuntimeMisuseError(`${what} can only be called while runJsResolver runs a handler`);
  return current;
}

function errorEntry(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): ResolverErrorEntry {
  return {
    message: String(message),
    ...(errorType !== undefined && { errorType }),
    ...(data !== undefined && { data }),
    ...(errorInfo !== undefined && { errorInfo }),
  };
}

const util = {
  error(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): never {
    throw new JsResolverError(String(message), errorType, data, errorInfo);
  },
  appendError(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): void {
    invocation('util.appendError').errors.push(errorEntry(message, errorType, data, errorInfo));
  },
  /** AppSync's own wording and errorType, as clients see for a field they may not access. */
  unauthorized(): never {
    const { fieldName, parentTypeName } = invocation('util.unauthorized');
    throw new JsResolverError(`Not Authorized to access ${fieldName} on type ${parentTypeName}`, 'Unauthorized');
  },
  autoId: (): string => randomUUID(),
  time: {
    nowISO8601: (): string => new Date().toISOString(),
    nowEpochSeconds: (): number => Math.floor(Date.now() / 1000),
    nowEpochMilliSeconds: (): number => Date.now(),
  },
  dynamodb: { toDynamoDB, toMapValues },
  transform: { toSubscriptionFilter },
};

const extensions = {
  setSubscriptionFilter(filter: SubscriptionFilter): void {
    const call = invocation('extensions.setSubscriptionFilter');
    if (call.parentTypeName !== 'Subscription' || call.phase !== 'response') {
      throw new JsRuntimeMisuseError(
        'extensions.setSubscriptionFilter is only allowed in the response handler of a Subscription field',
      );
    }
    checkFilter(filter);
    call.subscriptionFilter = JSON.parse(JSON.stringify(filter)) as SubscriptionFilter;
  },
};

const runtime = {
  earlyReturn(value?: unknown): never {
    throw new EarlyReturnSignal(value);
  },
};

/** Refuses a malformed filter when it is set, so a typo fails the subscription instead of silently matching nothing. */
function checkFilter(filter: SubscriptionFilter): void {
  const operators: readonly string[] = SUBSCRIPTION_FILTER_OPERATORS;
  const groups = filter?.filterGroup;
  const ok =
    Array.isArray(groups) &&
    groups.every(
      (group) =>
        Array.isArray(group?.filters) &&
        group.filters.every(
          (entry) =>
            typeof entry?.fieldName === 'string' && operators.includes(entry.operator) && entry.value !== undefined,
        ),
    );
  if (!ok)
    throw new JsRuntimeMisuseError(
      'extensions.setSubscriptionFilter needs { filterGroup: [{ filters: [{ fieldName, operator, value }] }] } with known operators',
    );
}

/** Unknown members throw; symbols and the probes of inspection and promise resolution pass through. */
function strict<T extends object>(path: string, target: T): T {
  for (const [key, value] of Object.entries(target)) {
    if (typeof value === 'object' && value !== null)
      (target as Record<string, unknown>)[key] = strict(`${path}.${key}`, value);
  }
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || Object.hasOwn(object, property) || PASS_THROUGH.has(property)) {
        return Reflect.get(object, property, receiver);
      }
      throw new NotImplementedLocallyError(`${path}.${property}`);
    },
  });
}

const PASS_THROUGH = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType', '$$typeof']);

/** The module object a resolver bundle receives for '@aws-appsync/utils'. */
export const appsyncUtilsModule = Object.freeze({
  util: strict('util', util),
  extensions: strict('extensions', extensions),
  runtime: strict('runtime', runtime),
});
