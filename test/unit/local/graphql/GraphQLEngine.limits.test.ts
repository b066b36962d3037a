import { describe, expect, it, vi } from 'vitest';
import type { IamIdentity, Principal } from '../../../../local/auth/Principal.ts';
import { type CallContext, GraphQLEngine, type GraphQLEngineOptions } from '../../../../local/graphql/GraphQLEngine.ts';
import { loadSchema } from '../../../../local/graphql/loadSchema.ts';
import type { JobServices } from '../../../../src/core/JobServices.ts';
import { loadConfig } from '../../../../src/config.ts';

// The engine refuses a request over AppSync's limits before any resolver runs, and stops resolvers past the
// count even when the estimate was too low. The store is a stand-in that records every call.

const OWNER = 'arn:aws:iam::000000000000:user/alice';
const schema = loadSchema();

function jobOf(id: string) {
  return {
    id,
    owner: OWNER,
    kind: 'TEXT',
    status: 'SUCCEEDED',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    options: {},
  };
}

/** A store whose pages hold `pageItems` jobs whatever the limit asked (a misbehaving store, for the runtime guard). */
function fakeStore(pageItems?: number) {
  return {
    listJobs: vi.fn(async (_owner: string, _filter: unknown, limit: number) => ({
      items: Array.from({ length: pageItems ?? limit }, (_, i) => jobOf(`job-${i}`)),
      nextToken: null,
    })),
    listJobFindings: vi.fn(async () => ({ items: [], nextToken: null })),
  };
}

function engineWith(store: ReturnType<typeof fakeStore>, limits?: GraphQLEngineOptions['limits']): GraphQLEngine {
  return new GraphQLEngine({
    schema,
    services: { jobs: store } as unknown as JobServices,
    isAllowed: () => true,
    authorizeSubscription: async () => ({}),
    matchesFilter: () => true,
    ...(limits ? { limits } : {}),
  });
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

const ALIASES_380 = `{ ${Array.from({ length: 380 }, (_, i) => `a${i}: jobs(limit: 100) { items { findings(limit: 100) { items { id } } } }`).join(' ')} }`;

describe('GraphQLEngine request limits', () => {
  it('refuses the 380-alias query with ResolverExecutionLimitReached and calls no resolver and no store', async () => {
    const store = fakeStore();
    const context = call();
    const result = await engineWith(store).execute({ query: ALIASES_380 }, context);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ errorType: 'ResolverExecutionLimitReached', path: null, data: null, errorInfo: null }),
    ]);
    expect(result.errors?.[0]?.message).toMatch(
      /^Resolver invocation limit reached: .* 38380 resolvers; the limit is 1000$/,
    );
    expect(store.listJobs).not.toHaveBeenCalled();
    expect(context.fieldsCalled).toEqual([]);
  });

  it('refuses a query over the depth limit with QueryDepthLimitReached before any resolver runs', async () => {
    const store = fakeStore();
    const result = await engineWith(store, { queryDepth: 4 }).execute(
      { query: '{ jobs { items { findings { items { id } } } } }' },
      call(),
    );
    expect(result).toMatchObject({ data: null, errors: [{ errorType: 'QueryDepthLimitReached', path: null }] });
    expect(store.listJobs).not.toHaveBeenCalled();
  });

  it("reads `limit` from the request's variables: the same document passes with a small page and not with a large one", async () => {
    const query =
      'query ($n: Int) { a: jobs(limit: $n) { items { findings { nextToken } } } b: jobs(limit: $n) { items { findings { nextToken } } } }';
    const engine = engineWith(fakeStore(), { resolverCount: 50 });
    expect((await engine.execute({ query, variables: { n: 20 } }, call())).errors).toBeUndefined();
    expect((await engine.execute({ query, variables: { n: 30 } }, call())).errors?.[0]?.errorType).toBe(
      'ResolverExecutionLimitReached',
    );
  });

  it('runs a query within the limits', async () => {
    const store = fakeStore();
    const result = await engineWith(store).execute(
      { query: '{ jobs(limit: 100) { items { id findings { nextToken } } } }' },
      call(),
    );
    expect(result.errors).toBeUndefined();
    expect((result.data?.jobs as { items: unknown[] }).items).toHaveLength(100);
    expect(store.listJobFindings).toHaveBeenCalledTimes(100);
  });

  it('stops resolvers past the limit while running when the store returns more than the page it was asked for', async () => {
    const store = fakeStore(12);
    const result = await engineWith(store, { resolverCount: 5 }).execute(
      { query: '{ jobs(limit: 2) { items { id findings { nextToken } } } }' },
      call(),
    );
    // Estimated 1 + 2: admitted. Run: jobs, then 4 of the 12 findings; the 5th is refused as AppSync refuses
    // resolvers past its limit, and as `findings` is non-null the error nulls its nearest nullable parent.
    expect(store.listJobFindings).toHaveBeenCalledTimes(4);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      errorType: 'ResolverExecutionLimitReached',
      message: 'Resolver invocation limit reached.',
      path: ['jobs', 'items', 4, 'findings'],
    });
  });

  it('applies the depth limit to subscriptions too', async () => {
    const engine = engineWith(fakeStore(), { queryDepth: 2 });
    await expect(
      engine.subscribe({ query: 'subscription { onJobsUpdated { error { code } } }' }, call()),
    ).rejects.toMatchObject({ errors: [{ errorType: 'QueryDepthLimitReached' }] });
  });
});

describe('loadConfig request limits', () => {
  it('defaults to depth 15 and 1000 resolvers, and reads HDM_QUERY_DEPTH_LIMIT and HDM_RESOLVER_COUNT_LIMIT', () => {
    expect(loadConfig({})).toMatchObject({ queryDepthLimit: 15, resolverCountLimit: 1000 });
    expect(loadConfig({ HDM_QUERY_DEPTH_LIMIT: '0', HDM_RESOLVER_COUNT_LIMIT: '10000' })).toMatchObject({
      queryDepthLimit: 0,
      resolverCountLimit: 10_000,
    });
  });

  it("names both keys when they are out of AppSync's ranges, without echoing the values", () => {
    expect(() => loadConfig({ HDM_QUERY_DEPTH_LIMIT: '76', HDM_RESOLVER_COUNT_LIMIT: '10001' })).toThrow(
      /HDM_QUERY_DEPTH_LIMIT must be a whole number from 0 to 75; HDM_RESOLVER_COUNT_LIMIT must be a whole number from 0 to 10000/,
    );
  });
});
