import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobServices } from '../../../../src/core/JobServices.ts';
import { lazyServices } from '../../../../resolvers/handlers/lazyServices.ts';
import { createLambdaHandler } from '../../../../resolvers/lambda.ts';
import type { ResolverEvent } from '../../../../resolvers/ResolverEvent.ts';
import { inMemoryJobServices } from '../../../helpers/jobServices.ts';

const identity = {
  accountId: '000000000000',
  userArn: 'arn:aws:iam::000000000000:user/alice',
  username: 'AIDAALICE',
  sourceIp: ['203.0.113.7'],
  cognitoIdentityId: null,
  cognitoIdentityPoolId: null,
  cognitoIdentityAuthType: null,
  cognitoIdentityAuthProvider: null,
};

/** A Direct Lambda resolver event as AppSync sends it (aws-facts.md §4(c)). */
function appSyncEvent(
  parentTypeName: string,
  fieldName: string,
  args: Record<string, unknown>,
  selectionSetList: string[],
): ResolverEvent<never, never> {
  return {
    arguments: args,
    identity,
    source: null,
    request: { headers: { 'content-type': 'application/json' }, domainName: null },
    info: {
      parentTypeName,
      fieldName,
      variables: {},
      selectionSetList,
      selectionSetGraphQL: `{ ${selectionSetList.join(' ')} }`,
    },
    prev: null,
    stash: {},
  } as unknown as ResolverEvent<never, never>;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the GraphQL Lambda handler', () => {
  it('routes AppSync events to their resolvers, wiring the services once for the execution environment', async () => {
    const { services } = inMemoryJobServices();
    let wired = 0;
    const handler = createLambdaHandler(lazyServices(() => (wired++, services)));
    const job = (await handler(
      appSyncEvent('Mutation', 'maskText', { input: { text: 'Patient Marla Quenby, MRN 88231907.' } }, [
        'id',
        'status',
        'maskedText',
      ]),
    )) as { id: string; status: string; maskedText: string };
    expect(job.status).toBe('SUCCEEDED');
    expect(job.maskedText).not.toContain('Quenby');
    expect(await handler(appSyncEvent('Query', 'job', { id: job.id }, ['id', 'owner']))).toMatchObject({
      id: job.id,
      owner: identity.userArn,
    });
    expect(wired).toBe(1);
  });

  it('tries the wiring again on the next event after it failed, and logs why without values', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { services } = inMemoryJobServices();
    let attempts = 0;
    const get = lazyServices((): JobServices => {
      if (++attempts === 1) throw new Error('HDM_QUEUE_URL must be set');
      return services;
    });
    await expect(get()).rejects.toThrow('HDM_QUEUE_URL must be set');
    await expect(get()).resolves.toBe(services);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(JSON.parse(errors.mock.calls[0]![0] as string)).toMatchObject({
      event: 'services.wiring_failed',
      message: 'HDM_QUEUE_URL must be set',
    });
  });

  it('as deployed, loads without its environment and answers INTERNAL, logging the missing settings', async () => {
    for (const key of ['HDM_TABLE_NAME', 'HDM_BUCKET', 'HDM_OUTPUT_BUCKET', 'HDM_GRAPHQL_URL', 'HDM_QUEUE_URL'])
      vi.stubEnv(key, '');
    // Deployed, the handler logs through Powertools Logger: JSON lines on stderr for errors (its own Console).
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { handler } = await import('../../../../resolvers/handlers/graphqlHandler.ts');
    await expect(handler(appSyncEvent('Query', 'jobs', {}, ['items/id']))).rejects.toMatchObject({
      name: 'INTERNAL',
      message: 'Internal error',
    });
    const lines = stderr.mock.calls.map(([chunk]) => JSON.parse(String(chunk)) as Record<string, unknown>);
    const logged = lines.find((line) => line.message === 'services.wiring_failed') as {
      level: string;
      service: string;
      error: string;
      _message: string;
    };
    expect(logged).toMatchObject({ level: 'ERROR', service: 'health-data-masking', error: 'ConfigError' });
    expect(logged._message).toContain('HDM_TABLE_NAME must be set');
    expect(logged._message).toContain('HDM_GRAPHQL_URL must be set');
    expect(lines.find((line) => line.message === 'resolver.failed')).toMatchObject({
      field: 'Query.jobs',
      errors: ['ConfigError'],
    });
  });
});
