import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type DocumentNode,
  getIntrospectionQuery,
  getOperationAST,
  graphqlSync,
  parse,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../../local/graphql/loadSchema.ts';
import {
  checkQueryLimits,
  estimateResolverCount,
  estimateResponseFields,
  fragmentsOf,
  operationDepth,
  type QueryLimits,
  RESPONSE_FIELD_LIMIT,
} from '../../../../local/graphql/queryLimits.ts';
import { FIELD_RESOLVERS } from '../../../../resolvers/fieldResolvers.ts';
import { DEFAULT_QUERY_DEPTH_LIMIT, DEFAULT_RESOLVER_COUNT_LIMIT } from '../../../../src/config.ts';

const schema = loadSchema();
const RESOLVER_FIELDS = new Set(Object.keys(FIELD_RESOLVERS));

/** A document the schema accepts (so the tests cannot pass on a query the server would refuse anyway). */
function valid(query: string, against = schema): DocumentNode {
  const document = parse(query);
  expect(validate(against, document).map((e) => e.message)).toEqual([]);
  return document;
}

function depthOf(document: DocumentNode, operationName?: string): number {
  return operationDepth(getOperationAST(document, operationName)!, fragmentsOf(document)).depth;
}

function countOf(document: DocumentNode, variables?: Record<string, unknown>, operationName?: string): number {
  const operation = getOperationAST(document, operationName)!;
  return estimateResolverCount({
    schema,
    operation,
    fragments: fragmentsOf(document),
    variables,
    resolverFields: RESOLVER_FIELDS,
  });
}

function check(
  document: DocumentNode,
  limits: QueryLimits = { queryDepth: DEFAULT_QUERY_DEPTH_LIMIT, resolverCount: DEFAULT_RESOLVER_COUNT_LIMIT },
  variables?: Record<string, unknown>,
) {
  return checkQueryLimits({
    schema,
    operation: getOperationAST(document)!,
    fragments: fragmentsOf(document),
    variables,
    resolverFields: RESOLVER_FIELDS,
    limits,
  });
}

/** The query of issue 13: 380 aliases of the largest page of jobs, each with its largest page of findings. */
const ALIASES_380 = `{ ${Array.from({ length: 380 }, (_, i) => `a${i}: jobs(limit: 100) { items { findings(limit: 100) { items { id } } } }`).join('\n')} }`;

describe('operationDepth', () => {
  it("counts levels as AppSync's guide does: the root field is 1, leaves count", () => {
    const layers = buildSchema('type Query { nextLayer: Layer } type Layer { nextLayer: Layer value: Int }');
    const document = valid('query MyQuery { L1: nextLayer { L2: nextLayer { L3: nextLayer { L4: value } } } }', layers);
    expect(operationDepth(getOperationAST(document)!, fragmentsOf(document)).depth).toBe(4);
    expect(depthOf(valid('{ jobs { items { findings { items { id } } } } }'))).toBe(5);
    expect(depthOf(valid('{ __typename }'))).toBe(1);
  });

  it('expands fragments and inline fragments without adding a level, and points at the deepest field', () => {
    const document = valid(`{ jobs { ...Page } }
      fragment Page on JobConnection { items { ... on Job { findings { items { ...Box } } } } }
      fragment Box on Finding { boundingBox { left } }`);
    const deepest = operationDepth(getOperationAST(document)!, fragmentsOf(document));
    expect(deepest.depth).toBe(6);
    expect(deepest.field?.name.value).toBe('left');
  });

  it('measures only the operation asked for', () => {
    const document = valid(
      'query Flat { jobs { nextToken } } query Deep { jobs { items { findings { items { id } } } } }',
    );
    expect([depthOf(document, 'Flat'), depthOf(document, 'Deep')]).toEqual([2, 5]);
  });

  it('treats a fragment cycle (which validation rejects first) as endless instead of recursing', () => {
    expect(
      depthOf(parse('{ jobs { ...A } } fragment A on JobConnection { ...B } fragment B on JobConnection { ...A }')),
    ).toBe(Infinity);
    const tree = buildSchema('type Query { root: Node } type Node { child: Node }');
    const cyclic = parse('{ root { ...A } } fragment A on Node { child { ...A } }');
    expect(depthOf(cyclic)).toBe(Infinity);
    const operation = getOperationAST(cyclic)!;
    expect(
      estimateResolverCount({
        schema: tree,
        operation,
        fragments: fragmentsOf(cyclic),
        variables: {},
        resolverFields: new Set(['Node.child']),
      }),
    ).toBe(Infinity);
  });

  it('measures fragments nested exponentially in linear time', () => {
    const document = valid(exponentialFragments(40));
    expect(depthOf(document)).toBe(2);
    // Execution collects each fragment once per selection set, so the page is fetched once: 1 resolver.
    expect(countOf(document)).toBe(1);
  });

  it("keeps the client kit's operations within the defaults", () => {
    const document = valid(readFileSync(new URL('../../../../src/client/operations.graphql', import.meta.url), 'utf8'));
    const operations = document.definitions.flatMap((d) =>
      d.kind === 'OperationDefinition' && d.name ? [d.name.value] : [],
    );
    const depths = operations.map((name) => depthOf(document, name));
    expect(Math.max(...depths)).toBeLessThanOrEqual(5);
    for (const name of operations) expect(countOf(document, { limit: 100 }, name)).toBeLessThanOrEqual(201);
    // Well inside the response field limit too, with the largest pages.
    for (const name of operations)
      expect(fieldsOf(document, { limit: 100, findingsLimit: 100 }, name)).toBeLessThan(RESPONSE_FIELD_LIMIT / 4);
  });

  it("admits graphql-js's stock introspection query with the default limits (it is 15 levels deep)", () => {
    const document = valid(getIntrospectionQuery());
    expect(depthOf(document)).toBe(15);
    expect(DEFAULT_QUERY_DEPTH_LIMIT).toBeGreaterThanOrEqual(15);
    expect(check(document)).toBeUndefined();
    expect(check(document, { queryDepth: 14, resolverCount: DEFAULT_RESOLVER_COUNT_LIMIT })?.errorType).toBe(
      'QueryDepthLimitReached',
    );
  });
});

describe('estimateResolverCount', () => {
  it('counts each root field and each nested resolver once per item of the pages above it', () => {
    expect(countOf(valid('{ jobs(limit: 100) { items { findings(limit: 100) { items { id } } } } }'))).toBe(101);
    expect(countOf(valid('{ jobs(limit: 100) { items { id findings { nextToken } maskedImage { key } } } }'))).toBe(
      201,
    );
    expect(countOf(valid('{ job(id: "1") { findings { items { id } } } findings { items { id } } }'))).toBe(3);
    expect(countOf(valid('{ __typename }'))).toBe(0);
  });

  it('counts 380 aliases of a page of jobs with their findings as 38,380 resolvers', () => {
    expect(countOf(valid(ALIASES_380))).toBe(380 * 101);
  });

  it('reads `limit` from literals, variables and variable defaults; absent, the default page (20)', () => {
    const query = 'query ($n: Int = 7) { jobs(limit: $n) { items { findings { nextToken } } } }';
    expect(countOf(valid(query))).toBe(1 + 7);
    expect(countOf(valid(query), { n: 30 })).toBe(1 + 30);
    expect(countOf(valid('{ jobs { items { findings { nextToken } } } }'))).toBe(1 + 20);
  });

  it('counts a `limit` the resolvers would refuse as the largest page (100), so the bound stays an upper bound', () => {
    const query = 'query ($n: Int) { jobs(limit: $n) { items { findings { nextToken } } } }';
    for (const n of [0, -5, 1000, 2.5]) expect(countOf(valid(query), { n })).toBe(1 + 100);
  });

  it('merges fields with one response name as execution does, and counts aliases apart', () => {
    const repeated = valid(`{ jobs(limit: 10) { items { ...WithFindings findings { nextToken } } } }
      fragment WithFindings on Job { findings { items { id } } }`);
    expect(countOf(repeated)).toBe(1 + 10);
    expect(
      countOf(valid('{ jobs(limit: 10) { items { a: findings { nextToken } b: findings { nextToken } } } }')),
    ).toBe(1 + 20);
  });

  it('multiplies a list no `limit` bounds by the largest page', () => {
    const tree = buildSchema('type Query { roots: [Node] } type Node { children: [Node] name: String }');
    const document = valid('{ roots { children { name } } }', tree);
    const count = estimateResolverCount({
      schema: tree,
      operation: getOperationAST(document)!,
      fragments: new Map(),
      variables: {},
      resolverFields: new Set(['Node.children']),
    });
    expect(count).toBe(1 + 100);
  });
});

describe('checkQueryLimits', () => {
  it('refuses a response of more than 100,000 fields with PAYLOAD_TOO_LARGE, naming the rule', () => {
    expect(check(valid(FINDING_ALIASES_2500))).toEqual({
      path: null,
      data: null,
      errorType: 'PAYLOAD_TOO_LARGE',
      errorInfo: null,
      locations: [{ line: 1, column: 1, sourceName: null }],
      message:
        'Response field limit reached: the response could hold more than 100000 fields (each alias and each list item counts); ask for fewer fields or smaller pages',
    });
    const page = valid('{ jobs(limit: 100) { items { findings(limit: 100) { items { id type } } } } }');
    expect(check(page)).toBeUndefined();
    expect(check(page, { queryDepth: 0, resolverCount: 0, responseFields: 10_000 })?.errorType).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it("refuses the 380-alias query with AppSync's ResolverExecutionLimitReached, before anything runs", () => {
    expect(check(valid(ALIASES_380))).toEqual({
      path: null,
      data: null,
      errorType: 'ResolverExecutionLimitReached',
      errorInfo: null,
      locations: [{ line: 1, column: 1, sourceName: null }],
      message: 'Resolver invocation limit reached: the request could invoke 38380 resolvers; the limit is 1000',
    });
  });

  it("refuses a query deeper than the limit with AppSync's QueryDepthLimitReached at the deepest field", () => {
    const error = check(valid('{\n  jobs { items { findings { items { boundingBox { left } } } } }\n}'), {
      queryDepth: 5,
      resolverCount: 0,
    });
    expect(error).toMatchObject({
      errorType: 'QueryDepthLimitReached',
      path: null,
      data: null,
      locations: [{ line: 2, column: 51, sourceName: null }],
    });
    expect(error?.message).toBe('Query depth limit reached: the query is 6 levels deep; the limit is 5');
  });

  it("lets through what is within both limits; 0 turns the depth limit off and means AppSync's 10,000 resolvers", () => {
    expect(
      check(valid('{ jobs(limit: 100) { items { findings { items { id } } maskedImage { key } } } }')),
    ).toBeUndefined();
    const deep = valid('{ jobs { items { findings { items { boundingBox { left } } } } } }');
    expect(check(deep, { queryDepth: 6, resolverCount: 1000 })).toBeUndefined();
    expect(check(deep, { queryDepth: 0, resolverCount: 1000 })).toBeUndefined();
    const wide = valid(
      `{ ${Array.from({ length: 99 }, (_, i) => `a${i}: jobs(limit: 100) { items { findings { nextToken } } }`).join(' ')} }`,
    );
    expect(check(wide, { queryDepth: 0, resolverCount: 0 })).toBeUndefined();
    expect(check(wide, { queryDepth: 0, resolverCount: 9998 })?.errorType).toBe('ResolverExecutionLimitReached');
  });
});

function fieldsOf(
  document: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
  cap = Infinity,
): number {
  return estimateResponseFields(
    { schema, operation: getOperationAST(document, operationName)!, fragments: fragmentsOf(document), variables },
    cap,
  );
}

/** Every key of every object in a response: the fields it holds. */
function fieldsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + fieldsIn(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, inner) => sum + 1 + fieldsIn(inner), 0);
}

/** The defect's second query: a page of jobs, each with a page of findings, each with 2,500 aliases (101 resolvers). */
const FINDING_ALIASES_2500 = `{ jobs(limit: 100) { items { findings(limit: 100) { items { ...F } } } } }
fragment F on Finding { ${Array.from({ length: 2500 }, (_, i) => `f${i}: id`).join(' ')} }`;

describe('estimateResponseFields', () => {
  it('counts every field, leaves and __typename included, once per item of the pages above it', () => {
    expect(fieldsOf(valid('{ __typename }'))).toBe(1);
    // jobs, items, 10 × (id, status), nextToken
    expect(fieldsOf(valid('{ jobs(limit: 10) { items { id status } nextToken } }'))).toBe(1 + 1 + 10 * 2 + 1);
    // The default page (20) without a `limit`; a list no `limit` bounds holds the largest page (100).
    expect(fieldsOf(valid('{ jobs { items { id findingCounts { type } } } }'))).toBe(1 + 1 + 20 * (1 + 1 + 100));
    expect(fieldsOf(valid('query ($n: Int) { jobs(limit: $n) { items { id } } }'), { n: 7 })).toBe(1 + 1 + 7);
  });

  it('counts aliases apart and merges fields with one response name, as execution does', () => {
    expect(fieldsOf(valid('{ job(id: "1") { a: id b: id id ...J } } fragment J on Job { id }'))).toBe(1 + 3);
    const aliases = valid(
      `{ job(id: "1") { ${Array.from({ length: 600 }, (_, i) => `m${i}: maskedText`).join(' ')} } }`,
    );
    expect(fieldsOf(aliases)).toBe(1 + 600);
    expect(
      estimateResolverCount({
        schema,
        operation: getOperationAST(aliases)!,
        fragments: new Map(),
        variables: {},
        resolverFields: RESOLVER_FIELDS,
      }),
    ).toBe(1);
  });

  it('counts the 2,500-alias fragment in a page of findings as past the limit, though it is 101 resolvers', () => {
    const document = valid(FINDING_ALIASES_2500);
    expect(countOf(document)).toBe(101);
    expect(fieldsOf(document)).toBe(1 + 1 + 100 * (1 + 1 + 100 * 2500));
    // With a cap it stops early: any count past the cap is a refusal.
    expect(fieldsOf(document, undefined, undefined, RESPONSE_FIELD_LIMIT)).toBeGreaterThan(RESPONSE_FIELD_LIMIT);
  });

  it("counts introspection exactly, over the schema's own lists: the count is what execution returns", () => {
    for (const query of [
      getIntrospectionQuery(),
      getIntrospectionQuery({ descriptions: false }),
      '{ __type(name: "Job") { name fields { name type { name kind ofType { name } } } } }',
    ]) {
      const document = valid(query);
      const executed = graphqlSync({ schema, source: query });
      expect(executed.errors).toBeUndefined();
      expect(fieldsOf(document)).toBe(fieldsIn(executed.data));
    }
    expect(fieldsOf(valid(getIntrospectionQuery()))).toBeLessThan(RESPONSE_FIELD_LIMIT / 10);
  });

  it('counts fragments nested exponentially in linear time', () => {
    expect(fieldsOf(valid(exponentialFragments(40)))).toBe(2);
  });
});

/** Fragment n spreads fragment n-1 twice: 2^n spreads if expanded naively. */
function exponentialFragments(n: number): string {
  const fragments = [`fragment F0 on Query { jobs { nextToken } }`];
  for (let i = 1; i <= n; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${n} }\n${fragments.join('\n')}`;
}
