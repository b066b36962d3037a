import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { type FieldNode, type ObjectTypeDefinitionNode, type OperationDefinitionNode, parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { AppSyncJobEvents, type AppSyncJobEventsOptions } from '../../../../src/adapters/aws/AppSyncJobEvents.ts';
import {
  AppSyncGraphQLError,
  AppSyncHttpError,
  AppSyncResponseError,
  AppSyncTimeoutError,
  AppSyncUnreachableError,
} from '../../../../src/adapters/aws/appSyncErrors.ts';
import { ThrottledError } from '../../../../src/core/errors.ts';
import type { JobUpdate } from '../../../../src/core/Job.ts';
import { PrincipalRegistry } from '../../../../local/auth/PrincipalRegistry.ts';
import { verifySigV4 } from '../../../../local/auth/verifySigV4.ts';

const REGION = 'eu-west-1';
/** A worker role's temporary credentials (synthetic). */
const WORKER = {
  accessKeyId: 'ASIAWORKERTEST000001',
  secretAccessKey: 'worker-secret-key-for-tests-only-000000',
  sessionToken: 'worker-session-token',
};
const principals = new PrincipalRegistry([{ name: 'worker', ...WORKER, accountId: '000000000000', allow: ['*'] }]);

const UPDATE: JobUpdate = {
  id: 'job-0001',
  owner: 'arn:aws:iam::000000000000:user/alice',
  kind: 'IMAGE',
  status: 'SUCCEEDED',
  updatedAt: '2026-11-28T22:00:00.000Z',
  findingCount: 3,
};

interface Received {
  body: { query: string; variables: { input: Record<string, unknown> }; operationName: string };
  verified: boolean;
}

/** What the fake AppSync answers to request n (0-based): status and JSON body, or 'hang' to never answer. */
type Reply = { status: number; body: unknown } | 'hang';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/**
 * A local AppSync stand-in: it checks each request's SigV4 signature with the repository's own verifier
 * (a request that fails it gets AppSync's 401) and records the body, then answers as scripted.
 */
async function fakeAppSync(replies: (n: number) => Reply): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let verified = true;
      try {
        verifySigV4(
          { method: req.method ?? '', path: (req.url ?? '').split('?')[0] as string, headers: req.headers, body: raw },
          { principals, regions: [REGION] },
        );
      } catch {
        verified = false;
      }
      received.push({ body: JSON.parse(raw) as Received['body'], verified });
      const reply: Reply = verified
        ? replies(received.length - 1)
        : {
            status: 401,
            body: {
              errors: [
                { errorType: 'UnauthorizedException', message: 'The request signature we calculated does not match' },
              ],
            },
          };
      if (reply === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, received };
}

const SCHEMA = parse(readFileSync(new URL('../../../../schema.graphql', import.meta.url), 'utf8'));
function schemaFields(type: string): string[] {
  const definition = SCHEMA.definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition' && d.name.value === type,
  );
  return definition?.fields?.map((f) => f.name.value) ?? [];
}
function selected(field: FieldNode): (string | Record<string, unknown>)[] {
  return (field.selectionSet?.selections ?? []).map((s) => {
    const f = s as FieldNode;
    return f.selectionSet ? { [f.name.value]: selected(f) } : f.name.value;
  });
}

const OK: Reply = { status: 200, body: { data: { publishJobUpdate: UPDATE } } };

function publisher(url: string, options: Partial<AppSyncJobEventsOptions> = {}) {
  const sleeps: number[] = [];
  const events = new AppSyncJobEvents({
    url,
    region: REGION,
    credentials: WORKER,
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { events, sleeps };
}

describe('AppSyncJobEvents', () => {
  it('sends publishJobUpdate, signed so that the SigV4 verifier accepts it, selecting every JobUpdate field', async () => {
    const { url, received } = await fakeAppSync(() => OK);
    // A provider function, as the default credential chain gives one.
    await publisher(url, { credentials: async () => WORKER }).events.publish(UPDATE);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.verified).toBe(true);
    expect(request!.body.variables).toEqual({ input: UPDATE });
    expect(request!.body.operationName).toBe('PublishJobUpdate');
    // Every field of JobUpdate (and of JobError under `error`), as schema.graphql declares them.
    const field = (parse(request!.body.query).definitions[0] as OperationDefinitionNode).selectionSet
      .selections[0] as FieldNode;
    expect(field.name.value).toBe('publishJobUpdate');
    expect(selected(field)).toEqual(
      schemaFields('JobUpdate').map((name) => (name === 'error' ? { error: schemaFields('JobError') } : name)),
    );
  });

  it('sends the error of a failed job and leaves out fields the update does not have', async () => {
    const { url, received } = await fakeAppSync(() => OK);
    const failed: JobUpdate = {
      id: 'job-0002',
      owner: 'arn:aws:iam::000000000000:user/alice',
      kind: 'IMAGE',
      status: 'FAILED',
      updatedAt: '2026-11-28T22:01:00.000Z',
      error: { code: 'UNSUPPORTED_IMAGE', message: 'the image format is not supported' },
    };
    await publisher(url).events.publish({ ...failed, extra: 'not in JobUpdateInput' } as JobUpdate);
    expect(received[0]!.body.variables.input).toEqual(failed);
  });

  it('is refused by the verifier when signed with another key, and does not retry a 401', async () => {
    const { url, received } = await fakeAppSync(() => OK);
    const wrong = publisher(url, {
      credentials: { ...WORKER, secretAccessKey: 'some-other-secret-key-000000000000000000' },
    });
    const error = await wrong.events.publish(UPDATE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppSyncHttpError);
    expect(error).toMatchObject({ status: 401, code: 'INTERNAL', cause: { errorTypes: ['UnauthorizedException'] } });
    expect(received.map((r) => r.verified)).toEqual([false]);
  });

  it('retries 5xx with growing, jittered backoff and succeeds', async () => {
    const { url, received } = await fakeAppSync((n) =>
      n < 2 ? { status: 503, body: { errors: [{ errorType: 'ServiceUnavailable' }] } } : OK,
    );
    const { events, sleeps } = publisher(url, { baseDelayMs: 100 });
    await events.publish(UPDATE);
    expect(received).toHaveLength(3);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up after maxAttempts with the last HTTP status', async () => {
    const { url, received } = await fakeAppSync(() => ({ status: 500, body: 'Internal Server Error' }));
    const { events, sleeps } = publisher(url, { maxAttempts: 4 });
    await expect(events.publish(UPDATE)).rejects.toMatchObject({ name: 'AppSyncHttpError', status: 500 });
    expect(received).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it('turns GraphQL errors into an error that names only their errorType, without retrying', async () => {
    const echoed = 'Validation error: owner Marla Quenby is not valid';
    const { url, received } = await fakeAppSync(() => ({
      status: 200,
      body: {
        data: { publishJobUpdate: null },
        errors: [
          { errorType: 'MappingTemplate', message: echoed },
          { errorType: 'has spaces: Marla Quenby', message: echoed },
        ],
      },
    }));
    const error = await publisher(url)
      .events.publish(UPDATE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppSyncGraphQLError);
    expect(error).toMatchObject({ code: 'INTERNAL', errorTypes: ['MappingTemplate', 'unknown'] });
    expect(JSON.stringify({ message: (error as Error).message, cause: (error as Error).cause })).not.toContain('Marla');
    expect(received).toHaveLength(1);
  });

  it('retries throttling and, when it persists, throws ThrottledError', async () => {
    const throttledOnce = await fakeAppSync((n) =>
      n === 0 ? { status: 200, body: { data: null, errors: [{ errorType: 'ThrottlingException' }] } } : OK,
    );
    await publisher(throttledOnce.url).events.publish(UPDATE);
    expect(throttledOnce.received).toHaveLength(2);
    await new Promise((resolve) => server!.close(resolve));

    const always = await fakeAppSync(() => ({
      status: 429,
      body: { errors: [{ errorType: 'TooManyRequestsException' }] },
    }));
    const error = await publisher(always.url)
      .events.publish(UPDATE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ code: 'THROTTLED', cause: { name: 'AppSyncHttpError', status: 429 } });
    expect(always.received).toHaveLength(3);
  });

  it('times out an attempt that gets no answer and retries it', async () => {
    const { url, received } = await fakeAppSync((n) => (n === 0 ? 'hang' : OK));
    await publisher(url, { timeoutMs: 200 }).events.publish(UPDATE);
    expect(received).toHaveLength(2);
  });

  it('reports a timeout when no attempt is answered', async () => {
    const { url, received } = await fakeAppSync(() => 'hang');
    await expect(publisher(url, { timeoutMs: 100, maxAttempts: 2 }).events.publish(UPDATE)).rejects.toBeInstanceOf(
      AppSyncTimeoutError,
    );
    expect(received).toHaveLength(2);
  });

  it('reports an unreachable endpoint after retrying, with the network error as cause', async () => {
    let calls = 0;
    const refused = new TypeError('fetch failed');
    const fetchFails: typeof fetch = async () => {
      calls++;
      throw refused;
    };
    const error = await publisher('https://example.appsync-api.eu-west-1.amazonaws.com/graphql', { fetch: fetchFails })
      .events.publish(UPDATE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppSyncUnreachableError);
    expect((error as Error).cause).toBe(refused);
    expect(calls).toBe(3);
  });

  it('rejects a 200 whose body is not a GraphQL response', async () => {
    const { url } = await fakeAppSync(() => ({ status: 200, body: '<html>proxy</html>' }));
    await expect(publisher(url).events.publish(UPDATE)).rejects.toBeInstanceOf(AppSyncResponseError);
  });
});
