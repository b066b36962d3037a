import { createRequire } from 'node:module';
import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  gql,
  HttpLink,
  InMemoryCache,
  ServerError,
} from '@apollo/client';
import { BaseHttpLink } from '@apollo/client/link/http';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsCredentials } from '../../helpers/signedFetch.ts';
import {
  type FindingItem,
  leakedPhi,
  type MaskedJob,
  NOTE,
  Q,
  startTestApi,
  type TestApi,
} from '../../helpers/localApi.ts';

// A real AppSync client, unchanged: Apollo Client 4 with aws-appsync-auth-link 4 and
// aws-appsync-subscription-link 4, the link chain README.md ("Calling the API") documents.

// aws-appsync-auth-link 4.0.2's ESM build namespace-imports its CommonJS @aws-crypto/sha256-js 1.x, which
// Node's ESM loader cannot see named exports of: signing throws "Sha256 is not a constructor". Bundlers
// paper over it; in Node, load both links' CommonJS builds.
const require = createRequire(import.meta.url);
const { createAuthLink } = require('aws-appsync-auth-link') as typeof import('aws-appsync-auth-link');
const { createSubscriptionHandshakeLink } =
  require('aws-appsync-subscription-link') as typeof import('aws-appsync-subscription-link');

let t: TestApi;
const hadWebSocket = 'WebSocket' in globalThis;

beforeAll(async () => {
  // The subscription link calls `new WebSocket(url, protocols)` on the global; Node 20 has none (22 has).
  if (!hadWebSocket) Object.assign(globalThis, { WebSocket });
  t = await startTestApi();
});
afterAll(async () => {
  if (!hadWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket');
  await t?.dispose();
});

/** The working chain: auth link, then the subscription link with an HTTP link that adds nothing to the body. */
function appSyncClient(
  credentials: AwsCredentials,
  resultsLink?: ApolloLink,
  options: Partial<ApolloClient.Options> = {},
): ApolloClient {
  const { url, region } = t.api;
  const auth = { type: 'AWS_IAM' as const, credentials };
  return new ApolloClient({
    ...options,
    link: ApolloLink.from([
      asLink(createAuthLink({ url, region, auth })),
      asLink(
        createSubscriptionHandshakeLink(
          { url, region, auth },
          resultsLink as Parameters<typeof createSubscriptionHandshakeLink>[1],
        ),
      ),
    ]),
    cache: new InMemoryCache(),
  });
}

/**
 * The links' CommonJS builds extend the CommonJS copy of Apollo's ApolloLink; Apollo's ESM client composes
 * them by shape (request/left/right), so only the types differ between the two copies.
 */
function asLink(link: unknown): ApolloLink {
  return link as ApolloLink;
}

interface JobUpdate {
  id: string;
  owner: string;
  status: string;
  findingCount: number | null;
}

describe('Apollo Client 4 + aws-appsync-auth-link + aws-appsync-subscription-link', () => {
  let client: ApolloClient;
  beforeAll(() => {
    client = appSyncClient(t.credentials(), new BaseHttpLink({ uri: t.api.url }));
  });
  afterAll(() => client?.stop());

  it('maskText through the auth link, then a query of past findings', async () => {
    const masked = await client.mutate<{ maskText: MaskedJob }>({
      mutation: gql(Q.maskText),
      variables: { input: { text: NOTE } },
    });
    const job = masked.data?.maskText;
    expect(job?.status).toBe('SUCCEEDED');
    expect(leakedPhi(job?.maskedText ?? '')).toEqual([]);
    expect(job?.maskedText).toEqual(expect.any(String));

    const past = await client.query<{ findings: { items: FindingItem[] } }>({
      query: gql(Q.findings),
      variables: { filter: { jobId: job?.id } },
      fetchPolicy: 'network-only',
    });
    expect(past.data?.findings.items).toHaveLength(job?.findingCount ?? -1);
    expect(past.data?.findings.items.every((f) => f.jobId === job?.id)).toBe(true);
  });

  it("a subscription (onJobsUpdated) receives the job's RUNNING and SUCCEEDED updates", async () => {
    const updates: JobUpdate[] = [];
    const errors: unknown[] = [];
    const subscription = client.subscribe<{ onJobsUpdated: JobUpdate }>({ query: gql(Q.onJobsUpdated) }).subscribe({
      next: (result) => (result.data ? updates.push(result.data.onJobsUpdated) : errors.push(result.error)),
      error: (error) => errors.push(error),
    });
    try {
      // client.subscribe alone drops start_ack (examples/apollo.ts shows how a link can surface it), so mask until a job's updates come back.
      const job = await retryUntil(
        async () => {
          const { data } = await client.mutate<{ maskText: MaskedJob }>({
            mutation: gql(Q.maskText),
            variables: { input: { text: NOTE } },
          });
          const id = data?.maskText.id;
          await waitUntil(
            () => updates.some((u) => u.id === id && u.status === 'SUCCEEDED') || errors.length > 0,
            2_000,
          );
          // A job whose RUNNING update came before the subscription was live does not count: try another.
          return updates.some((u) => u.id === id && u.status === 'RUNNING') ? data?.maskText : undefined;
        },
        () => errors.length > 0,
      );
      expect(errors).toEqual([]);
      const mine = updates.filter((u) => u.id === job.id);
      expect(mine.map((u) => u.status)).toEqual(['RUNNING', 'SUCCEEDED']);
      expect(mine[1]).toMatchObject({ owner: job.owner, findingCount: job.findingCount });
    } finally {
      subscription.unsubscribe();
    }
  });

  it("subscribing to a job that is not the caller's ends in an error", async () => {
    const outcome = await new Promise<{ error?: unknown; data?: unknown }>((resolve) => {
      const sub = client.subscribe({ query: gql(Q.onJobUpdated), variables: { id: 'no-such-job-of-mine' } }).subscribe({
        next: (result) => {
          resolve(result);
          sub.unsubscribe();
        },
        error: (error) => resolve({ error }),
        complete: () => resolve({}),
      });
    });
    expect(outcome.data ?? null).toBeNull();
    expect(outcome.error).toBeDefined();
  });
});

describe("Apollo 4's default HttpLink", () => {
  it.each([
    {
      name: 'HttpLink with includeExtensions: false',
      link: () => new HttpLink({ uri: t.api.url, includeExtensions: false }),
      options: {},
    },
    {
      name: 'HttpLink without extensions, with client-name headers (unsigned, so harmless)',
      link: () => new HttpLink({ uri: t.api.url, includeExtensions: false }),
      options: { clientAwareness: { name: 'hdm-it', version: '1.0.0' } },
    },
    {
      name: 'HttpLink with enhancedClientAwareness off on the client',
      link: () => new HttpLink({ uri: t.api.url }),
      options: { enhancedClientAwareness: { transport: false as const } },
    },
  ])('works once it adds nothing to the body: $name', async ({ link, options }) => {
    const client = appSyncClient(t.credentials(), link(), options);
    try {
      const { data } = await client.query<{ jobs: { items: unknown[] } }>({
        query: gql(Q.jobs),
        fetchPolicy: 'network-only',
      });
      expect(data?.jobs.items).toEqual(expect.any(Array));
    } finally {
      client.stop();
    }
  });

  it('adds `extensions` to the body after the auth link signed it: refused 403 InvalidSignatureException, as AppSync does', async () => {
    // createSubscriptionHandshakeLink without a results link builds Apollo's HttpLink, whose ClientAwarenessLink
    // writes extensions.clientLibrary into the body after signing.
    const broken = appSyncClient(t.credentials());
    try {
      const error = await broken.mutate({ mutation: gql(Q.maskText), variables: { input: { text: NOTE } } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(ServerError.is(error)).toBe(true);
      const serverError = error as ServerError;
      expect(serverError.statusCode).toBe(403);
      expect(JSON.parse(serverError.bodyText)).toMatchObject({ errors: [{ errorType: 'InvalidSignatureException' }] });
      expect(CombinedGraphQLErrors.is(error)).toBe(false);
    } finally {
      broken.stop();
    }
  });
});

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

/** Runs `attempt` until it returns a value, at most 8 times; stops early when `failed()` says so. */
async function retryUntil<T>(attempt: () => Promise<T | undefined>, failed: () => boolean): Promise<T> {
  for (let i = 0; i < 8 && !failed(); i++) {
    const value = await attempt();
    if (value !== undefined) return value;
  }
  throw new Error('the subscription never delivered an update for a job masked after it started');
}
