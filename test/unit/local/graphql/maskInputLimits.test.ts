import { type DocumentNode, getOperationAST, getVariableValues, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { IamIdentity, Principal } from '../../../../local/auth/Principal.ts';
import { type CallContext, GraphQLEngine } from '../../../../local/graphql/GraphQLEngine.ts';
import { loadSchema } from '../../../../local/graphql/loadSchema.ts';
import { checkMaskInputs, MAX_MASK_FIELDS_PER_REQUEST } from '../../../../local/graphql/maskInputLimits.ts';
import { fragmentsOf } from '../../../../local/graphql/queryLimits.ts';
import { DEFAULT_MAX_REQUEST_BYTES } from '../../../../src/config.ts';
import type { JobServices } from '../../../../src/core/JobServices.ts';

// Security review, defect 1: aliases that reuse one variable multiply the work of one body. 600 aliases of
// maskText over one 1,000,000-character $t counted 600 resolvers (allowed) and ran 600 detections.

const schema = loadSchema();
/** Synthetic PHI, to show that no refusal quotes what it was given. */
const PHI = 'Pt Marla Quenby, seen 03/14/2023, call 617-555-0143. ';
const NOTE_1M = PHI.repeat(Math.ceil(1_000_000 / PHI.length)).slice(0, 1_000_000);

function aliases(count: number, field: 'maskText' | 'maskImage'): string {
  const [type, name, key] = field === 'maskText' ? ['String!', 't', 'text'] : ['String', 'b', 'base64'];
  return `mutation ($${name}: ${type}) {\n${Array.from({ length: count }, (_, i) => `  a${i}: ${field}(input: {${key}: $${name}}) { id }`).join('\n')}\n}`;
}

function valid(query: string): DocumentNode {
  const document = parse(query, { maxTokens: 10_000 });
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return document;
}

function check(query: string, variables: Record<string, unknown>, maxChars = DEFAULT_MAX_REQUEST_BYTES) {
  const document = valid(query);
  const operation = getOperationAST(document)!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (!coerced.coerced) throw new Error('test bug: variables do not coerce');
  return checkMaskInputs(
    { schema, operation, fragments: fragmentsOf(document), variables: coerced.coerced },
    { maxChars },
  );
}

/** Services that fail the test if a resolver reaches them. */
const untouchable = new Proxy(
  {},
  {
    get: (_target, name) => {
      throw new Error(`a resolver ran (services.${String(name)})`);
    },
  },
) as JobServices;

function call(): CallContext {
  const identity = {
    accountId: '000000000000',
    userArn: 'arn:aws:iam::000000000000:user/alice',
    username: 'alice',
    sourceIp: ['127.0.0.1'],
    cognitoIdentityId: null,
  } as IamIdentity;
  return { principal: { name: 'alice' } as Principal, identity, headers: {}, domainName: null, fieldsCalled: [] };
}

function engine(): GraphQLEngine {
  return new GraphQLEngine({
    schema,
    services: untouchable,
    isAllowed: () => true,
    authorizeSubscription: async () => ({}),
    matchesFilter: () => true,
  });
}

describe('checkMaskInputs', () => {
  it('refuses the 600 aliases of maskText over one variable by the field count, before any resolver runs', async () => {
    const context = call();
    const result = await engine().execute({ query: aliases(600, 'maskText'), variables: { t: NOTE_1M } }, context);
    expect(result).toEqual({
      data: null,
      errors: [
        {
          path: null,
          data: null,
          errorType: 'PAYLOAD_TOO_LARGE',
          errorInfo: null,
          locations: [{ line: 27, column: 3, sourceName: null }],
          message: 'Mask field limit reached: a request may hold at most 25 maskText and maskImage fields',
        },
      ],
    });
    expect(context.fieldsCalled).toEqual([]);
  });

  it('refuses 7 aliases of one 1,000,000-character text: 7,000,000 characters of work from a 1 MB body', async () => {
    const result = await engine().execute({ query: aliases(7, 'maskText'), variables: { t: NOTE_1M } }, call());
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        errorType: 'PAYLOAD_TOO_LARGE',
        path: null,
        locations: [{ line: 8, column: 3, sourceName: null }],
      }),
    ]);
    expect(result.errors?.[0]?.message).toBe(
      "Mask input limit reached: the texts and inline images of a request's maskText and maskImage fields may hold 6291456 characters together (the request body limit; a variable used by several fields counts each time)",
    );
    // No value, and no piece of one, in what the caller (or a log) sees.
    expect(JSON.stringify(result)).not.toMatch(/Marla|Quenby|03\/14|617-555/);
  });

  it("counts maskImage's inline base64 the same way", async () => {
    const base64 = 'iVBORw0KGgo'.repeat(100_000);
    const result = await engine().execute({ query: aliases(7, 'maskImage'), variables: { b: base64 } }, call());
    expect(result.errors?.[0]).toMatchObject({
      errorType: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/^Mask input limit reached/),
    });
    expect(check(aliases(30, 'maskImage'), { b: 'x' })?.message).toMatch(/^Mask field limit reached/);
  });

  it('lets through what one body could carry: 6 full notes, 25 small ones, a text and an image together', () => {
    expect(check(aliases(6, 'maskText'), { t: NOTE_1M })).toBeUndefined();
    expect(check(aliases(MAX_MASK_FIELDS_PER_REQUEST, 'maskText'), { t: PHI })).toBeUndefined();
    expect(check(aliases(MAX_MASK_FIELDS_PER_REQUEST + 1, 'maskText'), { t: PHI })?.errorType).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    const both =
      'mutation ($t: String!, $b: String) { maskText(input: {text: $t}) { id } maskImage(input: {base64: $b}) { id } }';
    expect(check(both, { t: 'a'.repeat(600), b: 'b'.repeat(400) }, 1000)).toBeUndefined();
    expect(check(both, { t: 'a'.repeat(600), b: 'b'.repeat(401) }, 1000)?.message).toMatch(/^Mask input limit reached/);
  });

  it('counts literals, fragments and inline fragments on Mutation; fields with one response name once, as they run once', () => {
    const literal = `mutation { a: maskText(input: {text: "${'x'.repeat(600)}"}) { id } ... on Mutation { b: maskText(input: {text: "${'y'.repeat(500)}"}) { id } } }`;
    expect(check(literal, {}, 1000)?.errorType).toBe('PAYLOAD_TOO_LARGE');
    expect(check(literal, {}, 1100)).toBeUndefined();
    const spread =
      'mutation ($t: String!) { ...M ...M maskText(input: {text: $t}) { status } } fragment M on Mutation { maskText(input: {text: $t}) { id } }';
    expect(check(spread, { t: 'z'.repeat(1000) }, 1000)).toBeUndefined();
    const aliased =
      'mutation ($t: String!) { ...M a: maskText(input: {text: $t}) { id } } fragment M on Mutation { maskText(input: {text: $t}) { id } }';
    expect(check(aliased, { t: 'z'.repeat(1000) }, 1999)?.errorType).toBe('PAYLOAD_TOO_LARGE');
  });

  it('leaves queries and other mutations alone, and variables that do not coerce to the usual error', async () => {
    expect(check('mutation { createImageUpload(contentType: "image/png") { key } }', {})).toBeUndefined();
    const result = await engine().execute({ query: aliases(2, 'maskText'), variables: {} }, call());
    expect(result).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 11, sourceName: null }],
          message: 'Variable "$t" of required type "String!" was not provided.',
        },
      ],
    });
  });
});
