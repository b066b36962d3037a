import {
  defaultFieldResolver,
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
  getOperationAST,
  getVariableValues,
} from 'graphql';
import { FIELD_RESOLVERS } from '../../resolvers/fieldResolvers.ts';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_QUERY_DEPTH_LIMIT,
  DEFAULT_RESOLVER_COUNT_LIMIT,
} from '../../src/config.ts';
import { type AppSyncError, AppSyncFieldError, formatVariableError, limitError } from './appSyncErrors.ts';
import { type ActiveSubscription, createSubscription } from './createSubscription.ts';
import type { AppSyncResponse, CallContext, GraphQLEngineOptions, GraphQLRequestBody } from './GraphQLEngineOptions.ts';
import { checkMaskInputs, type MaskInputLimits } from './maskInputLimits.ts';
import { parseAndValidate, type Prepared, retainedBytes } from './parseAndValidate.ts';
import { QueryCache } from './QueryCache.ts';
import { APPSYNC_DEFAULT_RESOLVER_COUNT, checkQueryLimits, type QueryLimits } from './queryLimits.ts';
import { jsonBytesUpTo, RESPONSE_BYTE_LIMIT } from './responseSize.ts';
import { SubscriptionRefusedError } from './SubscriptionRefusedError.ts';
import { toAppSyncResponse } from './toAppSyncResponse.ts';
import { toFieldEvent } from './toFieldEvent.ts';

// The engine's types and errors stay importable from here, where the host and the tests take them.
export type { ActiveSubscription } from './createSubscription.ts';
export type {
  AppSyncResponse,
  CallContext,
  FieldEvent,
  GraphQLEngineOptions,
  GraphQLRequestBody,
  JsFieldResolver,
  SubscriptionAuthorizer,
} from './GraphQLEngineOptions.ts';
export { SubscriptionRefusedError } from './SubscriptionRefusedError.ts';

/**
 * Runs GraphQL the way AppSync does for this API: field-level IAM on root fields, the Lambda resolvers
 * (resolvers/) and the APPSYNC_JS resolvers (resolvers/appsync) called with AppSync's event shape, AppSync's error shapes, and subscriptions triggered by
 * mutations named in @aws_subscribe and filtered by the subscription field's resolver.
 */
export class GraphQLEngine {
  readonly #options: GraphQLEngineOptions;
  readonly #limits: QueryLimits;
  readonly #maskInputs: MaskInputLimits;
  readonly #maxResponseBytes: number;
  /** Nested fields with resolvers, which the resolver count counts besides the root fields. */
  readonly #resolverFields: ReadonlySet<string>;
  /** Resolver invocations so far, by request. */
  readonly #invocations = new WeakMap<CallContext, number>();
  /** Parsed and validated documents by query text: clients send the same few operations over and over. */
  readonly #prepared: QueryCache<Prepared>;

  constructor(options: GraphQLEngineOptions) {
    this.#options = options;
    this.#limits = {
      queryDepth: DEFAULT_QUERY_DEPTH_LIMIT,
      resolverCount: DEFAULT_RESOLVER_COUNT_LIMIT,
      ...options.limits,
    };
    this.#maskInputs = { maxChars: DEFAULT_MAX_REQUEST_BYTES, ...options.maskInputs };
    this.#maxResponseBytes = options.maxResponseBytes ?? RESPONSE_BYTE_LIMIT;
    this.#resolverFields = new Set([...Object.keys(FIELD_RESOLVERS), ...Object.keys(options.jsFieldResolvers ?? {})]);
    this.#prepared = new QueryCache({
      maxBytes: 8 * 1024 * 1024,
      maxQueryLength: 64 * 1024,
      maxEntries: 500,
      ...options.queryCache,
    });
  }

  /** One POST /graphql request. */
  async execute(body: GraphQLRequestBody, call: CallContext): Promise<AppSyncResponse> {
    const prepared = this.#prepare(body);
    if ('errors' in prepared) return { data: null, errors: prepared.errors };
    if (prepared.operation.operation === 'subscription') {
      return {
        data: null,
        errors: [
          {
            path: null,
            locations: null,
            message:
              'Validation error of type ValidationError: subscriptions are served on the real-time endpoint (/graphql/realtime)',
          },
        ],
      };
    }
    if (prepared.operation.operation === 'mutation') {
      // Coerced as execution will coerce them, so the sizes checked are the values the resolvers would get.
      const coerced = getVariableValues(
        this.#options.schema,
        prepared.operation.variableDefinitions ?? [],
        body.variables ?? {},
        { maxErrors: 50 },
      );
      if (coerced.errors) return { data: null, errors: coerced.errors.map(formatVariableError) };
      const refused = checkMaskInputs(
        {
          schema: this.#options.schema,
          operation: prepared.operation,
          fragments: prepared.fragments,
          variables: coerced.coerced,
        },
        this.#maskInputs,
      );
      if (refused) return { data: null, errors: [refused] };
    }
    this.#invocations.set(call, 0);
    const result = await execute({
      schema: this.#options.schema,
      document: prepared.document,
      variableValues: body.variables ?? undefined,
      operationName: body.operationName ?? undefined,
      contextValue: call,
      fieldResolver: this.#resolveField,
    });
    const response = toAppSyncResponse(result);
    // Measured before anything serialises it: aliases repeating one long text make a response JSON.stringify cannot build.
    if (jsonBytesUpTo(response, this.#maxResponseBytes) <= this.#maxResponseBytes) return response;
    const ran = prepared.operation.operation === 'mutation' ? 'the mutation ran, but its' : 'the';
    return {
      data: null,
      errors: [
        limitError(
          'PAYLOAD_TOO_LARGE',
          `Response size limit reached: ${ran} response would be larger than ${this.#maxResponseBytes} bytes; ask for fewer fields, fewer aliases or smaller pages`,
        ),
      ],
    };
  }

  /** One `start` on the real-time endpoint: validated, authorized, and ready to deliver. */
  async subscribe(body: GraphQLRequestBody, call: CallContext): Promise<ActiveSubscription> {
    const prepared = this.#prepare(body);
    if ('errors' in prepared) throw new SubscriptionRefusedError(prepared.errors);
    return createSubscription(this.#options, prepared, body, call);
  }

  /** Parsed, validated and within AppSync's limits, or the errors that refuse it; no resolver has run yet. */
  #prepare(body: GraphQLRequestBody):
    | {
        document: DocumentNode;
        operation: OperationDefinitionNode;
        fragments: ReadonlyMap<string, FragmentDefinitionNode>;
      }
    | { errors: AppSyncError[] } {
    let prepared = this.#prepared.get(body.query);
    if (!prepared) {
      prepared = parseAndValidate(this.#options.schema, body.query);
      this.#prepared.set(body.query, prepared, retainedBytes(body.query, prepared));
    }
    if ('errors' in prepared) return prepared;
    const operation = getOperationAST(prepared.document, body.operationName ?? undefined);
    if (!operation)
      return {
        errors: [
          {
            path: null,
            locations: null,
            message: 'Validation error of type UnknownOperation: no operation, or several without an operationName',
          },
        ],
      };
    // The resolver count depends on the variables (a page's `limit`), so this runs for every request.
    const refused = checkQueryLimits({
      schema: this.#options.schema,
      operation,
      fragments: prepared.fragments,
      variables: body.variables,
      resolverFields: this.#resolverFields,
      limits: this.#limits,
    });
    return refused ? { errors: [refused] } : { document: prepared.document, operation, fragments: prepared.fragments };
  }

  /**
   * Counts one more resolver invocation of the request; false past the limit. The estimate refuses a request
   * before it runs; this stops one the estimate undercounted, as AppSync stops resolvers past its limit.
   */
  #mayInvokeResolver(call: CallContext): boolean {
    const count = (this.#invocations.get(call) ?? 0) + 1;
    this.#invocations.set(call, count);
    return count <= (this.#limits.resolverCount || APPSYNC_DEFAULT_RESOLVER_COUNT);
  }

  readonly #resolveField: GraphQLFieldResolver<unknown, CallContext> = async (source, args, call, info) => {
    const typeName = info.parentType.name;
    const isRoot = info.path.prev === undefined;
    if (isRoot) call.fieldsCalled?.push(`${typeName}.${info.fieldName}`);
    if (isRoot && !this.#options.isAllowed(call.principal, typeName, info.fieldName)) {
      throw new AppSyncFieldError('Unauthorized', `Not Authorized to access ${info.fieldName} on type ${typeName}`);
    }
    const key = `${typeName}.${info.fieldName}`;
    const jsResolver = this.#options.jsFieldResolvers?.[key];
    const resolver = FIELD_RESOLVERS[key];
    if (!jsResolver && !resolver) return defaultFieldResolver(source, args, call, info);
    if (!this.#mayInvokeResolver(call))
      throw new AppSyncFieldError('ResolverExecutionLimitReached', 'Resolver invocation limit reached.');
    const event = toFieldEvent(source, args, call, info);
    const result = jsResolver
      ? await jsResolver(event, call)
      : await resolver?.(event as never, this.#options.services);
    if (typeName === 'Mutation' && result !== null && result !== undefined)
      this.#options.onMutationResult?.(info.fieldName, result);
    return result;
  };
}
