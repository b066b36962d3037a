import type { GraphQLSchema } from 'graphql';
import type { JobServices } from '../../src/core/JobServices.ts';
import type { ResolverEvent } from '../../resolvers/ResolverEvent.ts';
import type { IamIdentity, Principal } from '../auth/Principal.ts';
import type { AppSyncError } from './appSyncErrors.ts';
import type { MaskInputLimits } from './maskInputLimits.ts';
import type { QueryCacheOptions } from './QueryCache.ts';
import type { QueryLimits } from './queryLimits.ts';

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
