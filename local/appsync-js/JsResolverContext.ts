import type { IamIdentity } from '../auth/Principal.ts';

/** `ctx.info` as AppSync fills it. */
export interface JsResolverInfo {
  fieldName: string;
  parentTypeName: string;
  variables: Record<string, unknown>;
  selectionSetList: string[];
  selectionSetGraphQL?: string;
}

/** The `ctx` an APPSYNC_JS handler receives (AppSync's names). */
export interface JsResolverContext {
  arguments: Record<string, unknown>;
  /** The same object as `arguments`. */
  args: Record<string, unknown>;
  identity: IamIdentity | null;
  source: Record<string, unknown> | null;
  info: JsResolverInfo;
  stash: Record<string, unknown>;
  prev: { result: unknown } | null;
  /** The data source's answer, for the response handler. */
  result: unknown;
  /** Set when the data source call failed; the response handler decides whether to raise it. */
  error: { message: string; type: string } | null;
  request: { headers: Record<string, string | undefined>; domainName?: string | null };
  /** The API's environment variables (AppSync's `ctx.env`): strings only, read-only. */
  readonly env: Readonly<Record<string, string>>;
}

/** What a caller gives runJsResolver; the rest of ctx is filled in. */
export interface JsResolverInput {
  arguments: Record<string, unknown>;
  identity: IamIdentity | null;
  info: Pick<JsResolverInfo, 'fieldName' | 'parentTypeName'> & Partial<JsResolverInfo>;
  source?: Record<string, unknown> | null;
  stash?: Record<string, unknown>;
  prev?: { result: unknown } | null;
  request?: { headers: Record<string, string | undefined>; domainName?: string | null };
  /** The API's environment variables, as `ctx.env` (default none). */
  env?: Readonly<Record<string, string>>;
}

/** A loaded APPSYNC_JS resolver file. */
export interface JsResolver {
  readonly file: string;
  /** The bundle AppSync would receive: ESM, with '@aws-appsync/utils' left as an import. */
  readonly code: string;
  request(ctx: JsResolverContext): unknown;
  response(ctx: JsResolverContext): unknown;
}
