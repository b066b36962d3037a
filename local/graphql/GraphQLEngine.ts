import {
  defaultFieldResolver,
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  parse,
  validate,
  getOperationAST,
  valueFromASTUntyped,
  getArgumentValues,
  getVariableValues,
  Kind,
} from 'graphql';
import type { JobServices } from '../../src/core/JobServices.ts';
import { FIELD_RESOLVERS } from '../../resolvers/fieldResolvers.ts';
import type { ResolverEvent } from '../../resolvers/ResolverEvent.ts';
import type { IamIdentity, Principal } from '../auth/Principal.ts';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_QUERY_DEPTH_LIMIT,
  DEFAULT_RESOLVER_COUNT_LIMIT,
} from '../../src/config.ts';
import {
  type AppSyncError,
  AppSyncFieldError,
  formatExecutionError,
  formatSyntaxError,
  formatValidationError,
  formatVariableError,
  limitError,
} from './appSyncErrors.ts';
import { checkMaskInputs, type MaskInputLimits } from './maskInputLimits.ts';
import { QueryCache, type QueryCacheOptions } from './QueryCache.ts';
import { APPSYNC_DEFAULT_RESOLVER_COUNT, checkQueryLimits, fragmentsOf, type QueryLimits } from './queryLimits.ts';
import { jsonBytesUpTo, RESPONSE_BYTE_LIMIT } from './responseSize.ts';
import { selectionSetGraphQL, selectionSetList } from './selectionSetList.ts';

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** Who calls and how: what a resolver's event carries. */
export interface CallContext {
  principal: Principal;
  identity: IamIdentity;
  headers: Record<string, string>;
  domainName: string | null;
  /** Root fields the request called, for the request log. */
  fieldsCalled?: string[];
}

export interface AppSyncResponse {
  data?: Record<string, unknown> | null;
  errors?: AppSyncError[];
}

/** An event in AppSync's shape, as a field's resolver receives it. */
export type FieldEvent = ResolverEvent<Record<string, unknown>, Record<string, unknown> | null>;

/**
 * A field AppSync resolves with an APPSYNC_JS resolver (resolvers/appsync): its value, or it throws
 * AppSyncFieldError with the resolver's error.
 */
export type JsFieldResolver = (event: FieldEvent, call: CallContext) => Promise<unknown>;

/** What a subscription field's APPSYNC_JS resolver decided: refuse (throws) or filter. */
export type SubscriptionAuthorizer = (
  field: string,
  args: Record<string, unknown>,
  identity: IamIdentity,
  call: CallContext,
) => Promise<{ filter?: unknown }>;

export interface GraphQLEngineOptions {
  schema: GraphQLSchema;
  services: JobServices;
  /** Field-level IAM: may this principal call `<Type>.<field>`? */
  isAllowed(principal: Principal, typeName: string, fieldName: string): boolean;
  authorizeSubscription: SubscriptionAuthorizer;
  /** Non-subscription fields with APPSYNC_JS resolvers, by `<Type>.<field>`; the others use FIELD_RESOLVERS. */
  jsFieldResolvers?: Readonly<Record<string, JsFieldResolver>>;
  matchesFilter(filter: unknown, payload: unknown): boolean;
  /** Called with each mutation's result, as AppSync triggers @aws_subscribe subscriptions. */
  onMutationResult?(mutationField: string, result: unknown): void;
  /** AppSync's query depth and resolver count limits (default: src/config.ts's defaults), and the response field limit. */
  limits?: Partial<QueryLimits>;
  /**
   * Bounds of the work one request's maskText and maskImage fields may ask for together (default: the default
   * request body limit, DEFAULT_MAX_REQUEST_BYTES, and 25 fields). Give `maxChars` the server's HDM_MAX_REQUEST_BYTES.
   */
  maskInputs?: Partial<MaskInputLimits>;
  /** Largest response, in bytes of JSON (default: AppSync's 5 MB quota, RESPONSE_BYTE_LIMIT). */
  maxResponseBytes?: number;
  /** Bounds of the parsed-query cache (default: 8 MiB, queries up to 64 KiB, 500 entries). */
  queryCache?: Partial<QueryCacheOptions>;
}

/** Thrown by subscribe(): the errors a `start` is refused with. */
export class SubscriptionRefusedError extends Error {
  constructor(readonly errors: { errorType?: string; message: string }[]) {
    super(errors[0]?.message ?? 'subscription refused');
    this.name = 'SubscriptionRefusedError';
  }
}

export interface ActiveSubscription {
  mutations: readonly string[];
  deliver(mutationField: string, payload: unknown): Promise<Record<string, unknown> | undefined>;
}

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
    const { document, operation } = prepared;
    const subscriptionType = this.#options.schema.getSubscriptionType();
    const selections = operation.selectionSet.selections;
    const fieldNode = selections[0];
    if (
      operation.operation !== 'subscription' ||
      !subscriptionType ||
      selections.length !== 1 ||
      fieldNode?.kind !== Kind.FIELD
    ) {
      throw new SubscriptionRefusedError([
        { errorType: 'UnsupportedOperation', message: 'a start must hold one subscription operation with one field' },
      ]);
    }
    const fieldName = fieldNode.name.value;
    const field = subscriptionType.getFields()[fieldName];
    if (!field)
      throw new SubscriptionRefusedError([
        {
          message: `Validation error of type FieldUndefined: Field '${fieldName}' in type 'Subscription' is undefined`,
        },
      ]);
    if (!this.#options.isAllowed(call.principal, 'Subscription', fieldName)) {
      throw new SubscriptionRefusedError([
        { errorType: 'Unauthorized', message: `Not Authorized to access ${fieldName} on type Subscription` },
      ]);
    }
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, fieldNode, body.variables ?? {});
    } catch (error) {
      throw new SubscriptionRefusedError([formatVariableError(error as GraphQLError)]);
    }
    const { filter } = await this.#options.authorizeSubscription(fieldName, args, call.identity, call);
    const mutations = subscribedMutations(field.astNode?.directives ?? []);
    return {
      mutations,
      deliver: async (mutationField, payload) => {
        if (!mutations.includes(mutationField)) return undefined;
        if (filter ? !this.#options.matchesFilter(filter, payload) : !argumentsMatch(args, payload)) return undefined;
        const result = await execute({
          schema: this.#options.schema,
          document,
          rootValue: { [fieldName]: payload },
          variableValues: body.variables ?? undefined,
          contextValue: call,
        });
        return result.data ?? undefined;
      },
    };
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
    const event: FieldEvent = {
      arguments: args,
      identity: call.identity as unknown as ResolverEvent['identity'],
      source: (source as Record<string, unknown> | null) ?? null,
      request: { headers: call.headers, domainName: call.domainName },
      info: {
        fieldName: info.fieldName,
        parentTypeName: typeName,
        variables: info.variableValues,
        selectionSetList: selectionSetList(info),
        selectionSetGraphQL: selectionSetGraphQL(info),
      },
      prev: null,
      stash: {},
    };
    const result = jsResolver
      ? await jsResolver(event, call)
      : await resolver?.(event as never, this.#options.services);
    if (typeName === 'Mutation' && result !== null && result !== undefined)
      this.#options.onMutationResult?.(info.fieldName, result);
    return result;
  };
}

type Prepared =
  { document: DocumentNode; fragments: ReadonlyMap<string, FragmentDefinitionNode> } | { errors: AppSyncError[] };

function parseAndValidate(schema: GraphQLSchema, query: string): Prepared {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 10_000 });
  } catch (error) {
    return { errors: [formatSyntaxError(error as GraphQLError)] };
  }
  const validationErrors = validate(schema, document);
  return validationErrors.length > 0
    ? { errors: validationErrors.map((e) => formatValidationError(e, document)) }
    : { document, fragments: fragmentsOf(document) };
}

/**
 * What a cache entry keeps alive: the query text (up to 2 bytes a character) and its syntax tree, which V8
 * holds at 160-380 bytes a token (measured on Node 20 for this schema's queries), so 400 are counted.
 */
function retainedBytes(query: string, prepared: Prepared): number {
  if ('errors' in prepared) return 2 * (query.length + JSON.stringify(prepared.errors).length);
  let tokens = 0;
  for (let token = prepared.document.loc?.startToken ?? null; token; token = token.next) tokens++;
  return 2 * query.length + 400 * tokens;
}

function toAppSyncResponse(result: ExecutionResult): AppSyncResponse {
  if (!result.errors?.length) return { data: result.data ?? null };
  // Errors before execution (variables that do not fit their types) come without a path or data.
  const executed = result.data !== undefined;
  return {
    data: result.data ?? null,
    errors: result.errors.map((e) => (executed ? formatExecutionError(e) : formatVariableError(e))),
  };
}

function subscribedMutations(
  directives: readonly {
    name: { value: string };
    arguments?: readonly { name: { value: string }; value: unknown }[];
  }[],
): string[] {
  const subscribe = directives.find((d) => d.name.value === 'aws_subscribe');
  const mutations = subscribe?.arguments?.find((a) => a.name.value === 'mutations')?.value;
  const value = mutations ? valueFromASTUntyped(mutations as Parameters<typeof valueFromASTUntyped>[0]) : [];
  return Array.isArray(value) ? value.map(String) : [];
}

/** AppSync's basic filtering: every argument given must equal the field of the same name in the payload. */
function argumentsMatch(args: Record<string, unknown>, payload: unknown): boolean {
  const record = (payload ?? {}) as Record<string, unknown>;
  return Object.entries(args).every(([name, value]) => value === null || value === undefined || record[name] === value);
}
