import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionNode,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromASTUntyped,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/core/jobQueries.ts';
import { type AppSyncError, limitError } from './appSyncErrors.ts';

/** AppSync's per-request limits (its queryDepthLimit and resolverCountLimit settings). */
export interface QueryLimits {
  /** Deepest nesting of fields, 1-75; 0: none, as on AppSync. */
  queryDepth: number;
  /** Most resolver invocations, 1-10000; 0: AppSync's default. */
  resolverCount: number;
}

/** What AppSync allows when resolverCountLimit is 0 or unset. */
export const APPSYNC_DEFAULT_RESOLVER_COUNT = 10_000;

/**
 * The size assumed for a list that no `limit` argument bounds. Every list that can hold objects with resolvers
 * in this schema is a page (JobConnection.items); this covers lists added later without a `limit`.
 */
const UNBOUNDED_LIST_SIZE = MAX_PAGE_SIZE;

export interface LimitCheckInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>> | null | undefined;
  /** `<Type>.<field>` of the nested fields that have resolvers; every root field has one. */
  resolverFields: ReadonlySet<string>;
  limits: QueryLimits;
}

/** The refusal of a request over a limit, before any resolver runs; undefined when it is within both. */
export function checkQueryLimits(input: LimitCheckInput): AppSyncError | undefined {
  const { queryDepth, resolverCount } = input.limits;
  if (queryDepth > 0) {
    const deepest = operationDepth(input.operation, input.fragments);
    if (deepest.depth > queryDepth) {
      return limitError('QueryDepthLimitReached', `Query depth limit reached: the query is ${deepest.depth} levels deep; the limit is ${queryDepth}`, deepest.field);
    }
  }
  const maxResolvers = resolverCount > 0 ? resolverCount : APPSYNC_DEFAULT_RESOLVER_COUNT;
  const estimate = estimateResolverCount(input);
  if (estimate > maxResolvers) {
    const count = estimate > 1e15 ? 'more than 10^15' : String(estimate);
    return limitError('ResolverExecutionLimitReached', `Resolver invocation limit reached: the request could invoke ${count} resolvers; the limit is ${maxResolvers}`, input.operation);
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
export function operationDepth(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Deepest {
  const measured = new Map<string, Deepest>();
  const entered = new Set<string>();
  const ofSet = (set: SelectionSetNode): Deepest => set.selections.map(ofSelection).reduce((a, b) => (b.depth > a.depth ? b : a), { depth: 0 });
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
 * An upper bound on the resolvers the operation would invoke, counted before anything runs. AppSync counts
 * invocations: a field with a resolver runs once for each object of its parent type in the response. So each
 * root field counts 1 (all have resolvers here), and a nested field with a resolver (Job.findings,
 * Job.maskedImage) counts once per item of every list above it. A list holds at most the page its connection
 * field's `limit` asks for (`jobs(limit: 100) { items { findings } }` = 1 + 100): without a `limit`, the
 * resolvers' default page; a value they would refuse, or a list no `limit` bounds, the largest page. Aliases
 * count apart, as each runs; fields with one response name merge first, as execution merges them, so a field
 * that fragments repeat counts once.
 */
export function estimateResolverCount(input: Omit<LimitCheckInput, 'limits'>): number {
  const { schema } = input;
  const ids = new WeakMap<SelectionSetNode, number>();
  let lastId = 0;
  const idOf = (set: SelectionSetNode): number => ids.get(set) ?? (ids.set(set, ++lastId), lastId);
  // Counts by the selection sets merged and the page bound: each fragment's fields are the same nodes wherever
  // it is spread, so a document that nests spreads exponentially is still counted in linear time.
  const counted = new Map<string, number>();
  const ofSets = (sets: SelectionSetNode[], parent: GraphQLCompositeType, pageSize: number | undefined): number => {
    const key = `${parent.name}/${pageSize}/${sets.map(idOf).join(',')}`;
    const known = counted.get(key);
    if (known !== undefined) return known;
    // Validation rejects fragment cycles; should one get here, it counts as endless.
    counted.set(key, Infinity);
    let sum = 0;
    for (const { owner, nodes } of collectFields(input, sets, parent).values()) sum += ofField(nodes, owner, pageSize);
    counted.set(key, sum);
    return sum;
  };
  const ofField = (nodes: FieldNode[], parent: GraphQLCompositeType, pageSize: number | undefined): number => {
    const [node] = nodes as [FieldNode];
    const field = fieldOf(schema, parent, node.name.value);
    if (!field) return 0;
    const own = hasResolver(schema, input.resolverFields, parent, field) ? 1 : 0;
    const type = getNamedType(field.type);
    const sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    if (sets.length === 0 || !isCompositeType(type)) return own;
    return own + listSize(field.type, pageSize) * ofSets(sets, type, pageLimit(node, field, input));
  };
  const root = schema.getRootType(input.operation.operation);
  return root ? ofSets([input.operation.selectionSet], root, undefined) : 0;
}

/** The fields the selection sets select, by type and response name, fragments expanded once each, as execution collects them. */
function collectFields(input: Omit<LimitCheckInput, 'limits'>, sets: SelectionSetNode[], parent: GraphQLCompositeType): Map<string, { owner: GraphQLCompositeType; nodes: FieldNode[] }> {
  const fields = new Map<string, { owner: GraphQLCompositeType; nodes: FieldNode[] }>();
  const expanded = new Set<string>();
  const visit = (set: SelectionSetNode, owner: GraphQLCompositeType): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = `${owner.name}.${(selection.alias ?? selection.name).value}`;
        const entry = fields.get(key);
        if (entry) entry.nodes.push(selection);
        else fields.set(key, { owner, nodes: [selection] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, typeNamed(input.schema, selection.typeCondition?.name.value) ?? owner);
      } else if (!expanded.has(selection.name.value)) {
        expanded.add(selection.name.value);
        const fragment = input.fragments.get(selection.name.value);
        const type = typeNamed(input.schema, fragment?.typeCondition.name.value);
        if (fragment && type) visit(fragment.selectionSet, type);
      }
    }
  };
  for (const set of sets) visit(set, parent);
  return fields;
}

function hasResolver(schema: GraphQLSchema, resolverFields: ReadonlySet<string>, parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
  if (field.name.startsWith('__')) return false;
  const isRoot = parent === schema.getQueryType() || parent === schema.getMutationType() || parent === schema.getSubscriptionType();
  return isRoot || resolverFields.has(`${parent.name}.${field.name}`);
}

/** Items per element of `type`: 1 for an object, the page size for each list level. */
function listSize(type: GraphQLType, pageSize: number | undefined): number {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) ? (pageSize ?? UNBOUNDED_LIST_SIZE) * listSize(inner.ofType, pageSize) : 1;
}

/** The page size a field's `limit` argument asks for, which bounds the lists in what it returns. */
function pageLimit(node: FieldNode, field: GraphQLField<unknown, unknown>, input: Omit<LimitCheckInput, 'limits'>): number | undefined {
  if (!field.args.some((arg) => arg.name === 'limit')) return undefined;
  const value = limitValue(node, input);
  if (value === undefined || value === null) return DEFAULT_PAGE_SIZE;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE ? value : MAX_PAGE_SIZE;
}

/** The `limit` argument's value: a literal, a variable's value or its default; undefined when absent. */
function limitValue(node: FieldNode, input: Omit<LimitCheckInput, 'limits'>): unknown {
  const argument = node.arguments?.find((arg) => arg.name.value === 'limit');
  if (!argument) return undefined;
  if (argument.value.kind !== Kind.VARIABLE) return valueFromASTUntyped(argument.value);
  const name = argument.value.name.value;
  if (input.variables && name in input.variables) return input.variables[name];
  const declared = input.operation.variableDefinitions?.find((definition) => definition.variable.name.value === name);
  return declared?.defaultValue ? valueFromASTUntyped(declared.defaultValue) : undefined;
}

function fieldOf(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType() && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (parent === schema.getQueryType() && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function typeNamed(schema: GraphQLSchema, name: string | undefined): GraphQLCompositeType | undefined {
  const type = name ? schema.getType(name) : undefined;
  return type && isCompositeType(type) ? type : undefined;
}

/** The document's fragments by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}
