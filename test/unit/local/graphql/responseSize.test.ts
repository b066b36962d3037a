import { describe, expect, it, vi } from 'vitest';
import type { IamIdentity, Principal } from '../../../../local/auth/Principal.ts';
import { type CallContext, GraphQLEngine } from '../../../../local/graphql/GraphQLEngine.ts';
import { loadSchema } from '../../../../local/graphql/loadSchema.ts';
import { jsonBytesUpTo, RESPONSE_BYTE_LIMIT } from '../../../../local/graphql/responseSize.ts';
import type { JobServices } from '../../../../src/core/JobServices.ts';

// Security review, defect 2: `job(id) { m0: maskedText ... m599: maskedText }` is 2 levels and 1 resolver, but its
// JSON is 600 MB; JSON.stringify threw RangeError in the server's send path and Node exited.

const OWNER = 'arn:aws:iam::000000000000:user/alice';
const PHI = 'Pt Marla Quenby, seen 03/14/2023, call 617-555-0143. ';
const TEXT_1M = PHI.repeat(Math.ceil(1_000_000 / PHI.length)).slice(0, 1_000_000);

describe('jsonBytesUpTo', () => {
  it('is the UTF-8 size of JSON.stringify for values without escapes', () => {
    const values: unknown[] = [
      null,
      true,
      false,
      0,
      -12.5,
      1e21,
      '',
      'plain',
      'Zoë · 東京 · 🩺',
      [],
      {},
      [1, 'two', null, [true]],
      {
        data: {
          job: {
            id: 'j1',
            status: 'SUCCEEDED',
            findingCount: 3,
            findings: { items: [{ id: 'f', score: 0.99 }], nextToken: null },
          },
        },
      },
      { clé: ['ü', { x: 1 }], errors: [{ path: ['job', 0], message: 'm' }] },
    ];
    for (const value of values) expect(jsonBytesUpTo(value, Infinity)).toBe(Buffer.byteLength(JSON.stringify(value)));
  });

  it('counts a string each time aliases repeat it, and stops once past the cap without building anything', () => {
    const data = { job: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`m${i}`, TEXT_1M])) };
    // 600 MB of JSON, past V8's longest string (2^29 - 24 characters): JSON.stringify would throw RangeError.
    const measured = jsonBytesUpTo({ data }, RESPONSE_BYTE_LIMIT);
    expect(measured).toBeGreaterThan(RESPONSE_BYTE_LIMIT);
    expect(measured).toBeLessThan(RESPONSE_BYTE_LIMIT + 1_100_000);
    expect(jsonBytesUpTo({ data: { job: { m0: TEXT_1M } } }, RESPONSE_BYTE_LIMIT)).toBe(
      Buffer.byteLength(JSON.stringify({ data: { job: { m0: TEXT_1M } } })),
    );
  });
});

function engineWith(maskedText: string): { engine: GraphQLEngine; getJob: ReturnType<typeof vi.fn> } {
  const getJob = vi.fn(async (id: string) => ({
    id,
    owner: OWNER,
    kind: 'TEXT',
    status: 'SUCCEEDED',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    options: {},
    maskedText,
  }));
  const services = { jobs: { getJob } } as unknown as JobServices;
  const engine = new GraphQLEngine({
    schema: loadSchema(),
    services,
    isAllowed: () => true,
    authorizeSubscription: async () => ({}),
    matchesFilter: () => true,
  });
  return { engine, getJob };
}

function call(): CallContext {
  const identity = {
    accountId: '000000000000',
    userArn: OWNER,
    username: 'alice',
    sourceIp: ['127.0.0.1'],
    cognitoIdentityId: null,
  } as IamIdentity;
  return { principal: { name: 'alice' } as Principal, identity, headers: {}, domainName: null, fieldsCalled: [] };
}

const ALIASES_600 = `{ job(id: "j1") { ${Array.from({ length: 600 }, (_, i) => `m${i}: maskedText`).join(' ')} } }`;

describe('GraphQLEngine response size', () => {
  it('answers the 600-alias query with PAYLOAD_TOO_LARGE instead of 600 MB of data, and the answer serialises', async () => {
    const { engine, getJob } = engineWith(TEXT_1M);
    const result = await engine.execute({ query: ALIASES_600 }, call());
    expect(getJob).toHaveBeenCalledTimes(1);
    expect(result).toEqual({
      data: null,
      errors: [
        {
          path: null,
          data: null,
          errorType: 'PAYLOAD_TOO_LARGE',
          errorInfo: null,
          locations: null,
          message: `Response size limit reached: the response would be larger than ${RESPONSE_BYTE_LIMIT} bytes; ask for fewer fields, fewer aliases or smaller pages`,
        },
      ],
    });
    expect(JSON.stringify(result)).not.toMatch(/Marla|Quenby/);
  });

  it('returns a response within the limit unchanged: one 1,000,000-character text, or 600 aliases of a short one', async () => {
    const { engine } = engineWith(TEXT_1M);
    const one = await engine.execute({ query: '{ job(id: "j1") { a: maskedText b: maskedText } }' }, call());
    expect(one.errors).toBeUndefined();
    expect((one.data?.job as { a: string }).a).toHaveLength(1_000_000);
    const short = await engineWith('[NAME] seen [DATE].').engine.execute({ query: ALIASES_600 }, call());
    expect(short.errors).toBeUndefined();
    expect(Object.keys(short.data?.job as object)).toHaveLength(600);
  });
});
