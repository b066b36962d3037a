import {
  defaultFieldResolver,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLType,
  isCompositeType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromASTUntyped,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/core/jobQueries.ts';

/**
 * The size assumed for a list that no `limit` argument bounds. Every list that can hold objects with resolvers
 * in this schema is a page (JobConnection.items); this covers lists added later without a `limit`.
 */
const UNBOUNDED_LIST_SIZE = MAX_PAGE_SIZE;

/** An operation to count, with what execution would see besides it. */
export interface SelectionInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>> | null | undefined;
}

export interface CountRules {
  /** What one occurrence of a field counts (an occurrence: once per object of its parent type in the response). */
  weight(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): number;
  /**
   * Counts fields inside introspection (`__schema`, `__type`) too: those lists are the schema's own, so they are
   * walked over the schema itself, exactly, instead of being bounded by pages. Off, those subtrees count 0 beyond
   * the entry field's own weight.
   */
  introspection: boolean;
  /** Counting may stop once past this: callers only compare with it (a partial count is then above it). */
  cap: number;
}

/**
 * An upper bound on what the operation's response holds by `rules.weight`, counted before anything runs. A field
 * counts once per object of its parent type, so once per item of every list above it. A list holds at most the page
 * its connection field's `limit` asks for (`jobs(limit: 100) { items { ... } }`: 100 items): without a `limit`, the
 * resolvers' default page; a value they would refuse, or a list no `limit` bounds, the largest page. Aliases count
 * apart, as each runs; fields with one response name merge first, as execution merges them, so a field that
 * fragments repeat counts once. Counts are memoised by the selection sets merged, the page bound and (inside
 * introspection) the schema element: each fragment's fields are the same nodes wherever it is spread, so a document
 * that nests spreads exponentially is still counted in linear time.
 */
export function countSelections(input: SelectionInput, rules: CountRules): number {
  const { schema } = input;
  const ids = new WeakMap<object, number>();
  let lastId = 0;
  const idOf = (node: object): number => ids.get(node) ?? (ids.set(node, ++lastId), lastId);
  const counted = new Map<string, number>();
  const ofSets = (
    sets: SelectionSetNode[],
    parent: GraphQLCompositeType,
    pageSize: number | undefined,
    source?: object,
  ): number => {
    const key = `${parent.name}/${pageSize}/${sets.map(idOf).join(',')}/${source ? idOf(source) : ''}`;
    const known = counted.get(key);
    if (known !== undefined) return known;
    // Validation rejects fragment cycles; should one get here, it counts as endless.
    counted.set(key, Infinity);
    let sum = 0;
    for (const { owner, nodes } of collectFields(input, sets, parent).values()) {
      sum += ofField(nodes, owner, pageSize, source);
      if (sum > rules.cap) break;
    }
    counted.set(key, sum);
    return sum;
  };
  const ofField = (
    nodes: FieldNode[],
    parent: GraphQLCompositeType,
    pageSize: number | undefined,
    source: object | undefined,
  ): number => {
    const [node] = nodes as [FieldNode];
    const field = fieldOf(schema, parent, node.name.value);
    if (!field) return 0;
    const own = rules.weight(parent, field);
    const type = getNamedType(field.type);
    const sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    if (sets.length === 0 || !isCompositeType(type)) return own;
    if (field === SchemaMetaFieldDef || field === TypeMetaFieldDef || isIntrospectionType(parent)) {
      return rules.introspection ? own + ofIntrospection(node, field, parent, sets, type, source) : own;
    }
    return own + listSize(field.type, pageSize) * ofSets(sets, type, pageLimit(node, field, input));
  };
  // The introspection types' own resolvers give the schema elements a field returns, as execution would.
  const ofIntrospection = (
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
    parent: GraphQLCompositeType,
    sets: SelectionSetNode[],
    type: GraphQLCompositeType,
    source: object | undefined,
  ): number => {
    let value: unknown;
    try {
      const args = getArgumentValues(field, node, input.variables ?? {});
      const info = { schema, parentType: parent, fieldName: field.name } as unknown as GraphQLResolveInfo;
      value = (field.resolve ?? defaultFieldResolver)(source, args, undefined, info);
    } catch {
      return 0;
    }
    let sum = 0;
    for (const item of [value].flat(Infinity)) {
      if (item === null || typeof item !== 'object') continue;
      sum += ofSets(sets, type, undefined, item);
      if (sum > rules.cap) break;
    }
    return sum;
  };
  const root = schema.getRootType(input.operation.operation);
  return root ? ofSets([input.operation.selectionSet], root, undefined) : 0;
}

export interface CollectedField {
  owner: GraphQLCompositeType;
  nodes: FieldNode[];
}

/** The fields the selection sets select, by type and response name, fragments expanded once each, as execution collects them. */
export function collectFields(
  input: Pick<SelectionInput, 'schema' | 'fragments'>,
  sets: SelectionSetNode[],
  parent: GraphQLCompositeType,
): Map<string, CollectedField> {
  const fields = new Map<string, CollectedField>();
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

/** Items per element of `type`: 1 for an object, the page size for each list level. */
function listSize(type: GraphQLType, pageSize: number | undefined): number {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) ? (pageSize ?? UNBOUNDED_LIST_SIZE) * listSize(inner.ofType, pageSize) : 1;
}

/** The page size a field's `limit` argument asks for, which bounds the lists in what it returns. */
function pageLimit(node: FieldNode, field: GraphQLField<unknown, unknown>, input: SelectionInput): number | undefined {
  if (!field.args.some((arg) => arg.name === 'limit')) return undefined;
  const value = limitValue(node, input);
  if (value === undefined || value === null) return DEFAULT_PAGE_SIZE;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE
    ? value
    : MAX_PAGE_SIZE;
}

/** The `limit` argument's value: a literal, a variable's value or its default; undefined when absent. */
function limitValue(node: FieldNode, input: SelectionInput): unknown {
  const argument = node.arguments?.find((arg) => arg.name.value === 'limit');
  if (!argument) return undefined;
  if (argument.value.kind !== Kind.VARIABLE) return valueFromASTUntyped(argument.value);
  const name = argument.value.name.value;
  if (input.variables && name in input.variables) return input.variables[name];
  const declared = input.operation.variableDefinitions?.find((definition) => definition.variable.name.value === name);
  return declared?.defaultValue ? valueFromASTUntyped(declared.defaultValue) : undefined;
}

export function fieldOf(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType() && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (parent === schema.getQueryType() && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function typeNamed(schema: GraphQLSchema, name: string | undefined): GraphQLCompositeType | undefined {
  const type = name ? schema.getType(name) : undefined;
  return type && isCompositeType(type) ? type : undefined;
}
