import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { type AppSyncError, limitError } from './appSyncErrors.ts';
import { countSelections, type SelectionInput } from './countSelections.ts';

/** AppSync's per-request limits (its queryDepthLimit and resolverCountLimit settings), and the local server's own. */
export interface QueryLimits {
  /** Deepest nesting of fields, 1-75; 0: none, as on AppSync. */
  queryDepth: number;
  /** Most resolver invocations, 1-10000; 0: AppSync's default. */
  resolverCount: number;
  /** Most fields the response may hold (local only; default RESPONSE_FIELD_LIMIT). */
  responseFields?: number;
}

/** What AppSync allows when resolverCountLimit is 0 or unset. */
export const APPSYNC_DEFAULT_RESOLVER_COUNT = 10_000;

/**
 * Most fields a response may hold, by the static estimate below, before anything runs. The resolver count does not
 * bound the output: `job(id) { m0: maskedText ... m599: maskedText }` is 1 resolver, and a page of findings with a
 * fragment of 2,500 aliases is 101 resolvers but 25 million fields. 100,000 fields of 20-50 bytes (a key and a
 * value) is 2-5 MB of JSON, AppSync's 5 MB response quota (responseSize.ts), so a request far past it would be
 * refused anyway, only after all the work and memory. The client kit's largest operation (a page of 100 jobs) counts
 * about 23,000 by the same rules (which take every list no `limit` bounds to hold 100 items); the stock
 * introspection query about 2,500.
 */
export const RESPONSE_FIELD_LIMIT = 100_000;

export interface LimitCheckInput extends SelectionInput {
  /** `<Type>.<field>` of the nested fields that have resolvers; every root field has one. */
  resolverFields: ReadonlySet<string>;
  limits: QueryLimits;
}

/** The refusal of a request over a limit, before any resolver runs; undefined when it is within all of them. */
export function checkQueryLimits(input: LimitCheckInput): AppSyncError | undefined {
  const { queryDepth, resolverCount } = input.limits;
  if (queryDepth > 0) {
    const deepest = operationDepth(input.operation, input.fragments);
    if (deepest.depth > queryDepth) {
      return limitError(
        'QueryDepthLimitReached',
        `Query depth limit reached: the query is ${deepest.depth} levels deep; the limit is ${queryDepth}`,
        deepest.field,
      );
    }
  }
  const maxResolvers = resolverCount > 0 ? resolverCount : APPSYNC_DEFAULT_RESOLVER_COUNT;
  const estimate = estimateResolverCount(input);
  if (estimate > maxResolvers) {
    const count = estimate > 1e15 ? 'more than 10^15' : String(estimate);
    return limitError(
      'ResolverExecutionLimitReached',
      `Resolver invocation limit reached: the request could invoke ${count} resolvers; the limit is ${maxResolvers}`,
      input.operation,
    );
  }
  const maxFields = input.limits.responseFields ?? RESPONSE_FIELD_LIMIT;
  if (estimateResponseFields(input, maxFields) > maxFields) {
    // A rule of this API's, not AppSync's: it gets an errorType from the contract's closed set (schema.graphql's
    // ErrorCode), as AppSync's own limits keep AppSync's errorTypes that clients already match on.
    return limitError(
      'PAYLOAD_TOO_LARGE',
      `Response field limit reached: the response could hold more than ${maxFields} fields (each alias and each list item counts); ask for fewer fields or smaller pages`,
      input.operation,
    );
  }
  return undefined;
}

export interface Deepest {
  depth: number;
  /** The deepest field (the first found), where the error points. */
  field?: FieldNode;
}

/**
 * Depth as AppSync's guide counts it: a root field is level 1 and each field nested in it one more, leaves
 * included (`L1 { L2 { L3 { L4 } } }` is 4). Fragments and inline fragments are expanded and add no level.
 * Each fragment is measured once (its depth does not depend on where it is spread), so a document that spreads
 * fragments into each other exponentially is still measured in linear time.
 */
export function operationDepth(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): Deepest {
  const measured = new Map<string, Deepest>();
  const entered = new Set<string>();
  const ofSet = (set: SelectionSetNode): Deepest =>
    set.selections.map(ofSelection).reduce((a, b) => (b.depth > a.depth ? b : a), { depth: 0 });
  const ofSelection = (selection: SelectionNode): Deepest => {
    if (selection.kind === Kind.INLINE_FRAGMENT) return ofSet(selection.selectionSet);
    if (selection.kind === Kind.FRAGMENT_SPREAD) return ofFragment(selection.name.value);
    const inner = selection.selectionSet ? ofSet(selection.selectionSet) : { depth: 0 };
    return { depth: inner.depth + 1, field: inner.field ?? selection };
  };
  const ofFragment = (name: string): Deepest => {
    const known = measured.get(name);
    if (known) return known;
    // Validation rejects fragment cycles before this runs; should one get here, it is endlessly deep.
    if (entered.has(name)) return { depth: Infinity };
    const fragment = fragments.get(name);
    if (!fragment) return { depth: 0 };
    entered.add(name);
    const found = ofSet(fragment.selectionSet);
    measured.set(name, found);
    return found;
  };
  return ofSet(operation.selectionSet);
}

/**
 * An upper bound on the resolvers the operation would invoke (see countSelections for the list rules). AppSync
 * counts invocations: a field with a resolver runs once for each object of its parent type in the response. So each
 * root field counts 1 (all have resolvers here), and a nested field with a resolver (Job.findings, Job.maskedImage)
 * counts once per item of every list above it: `jobs(limit: 100) { items { findings } }` = 1 + 100. Introspection
 * has no resolvers.
 */
export function estimateResolverCount(input: Omit<LimitCheckInput, 'limits'>): number {
  const { schema, resolverFields } = input;
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const weight = (parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): number => {
    if (field.name.startsWith('__')) return 0;
    return roots.has(parent as never) || resolverFields.has(`${parent.name}.${field.name}`) ? 1 : 0;
  };
  return countSelections(input, { weight, introspection: false, cap: Infinity });
}

/**
 * An upper bound on the fields the response would hold: every field, leaves and `__typename` included, once per
 * object of its parent type, with the same list rules as the resolver count; inside introspection, the schema's
 * own lists. Counting stops once past `cap`, so the result is exact only up to it.
 */
export function estimateResponseFields(input: SelectionInput, cap = RESPONSE_FIELD_LIMIT): number {
  return countSelections(input, { weight: () => 1, introspection: true, cap });
}

/** The document's fragments by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}
