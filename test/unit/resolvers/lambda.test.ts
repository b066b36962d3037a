import { describe, expect, it } from 'vitest';
import { createLambdaHandler } from '../../../resolvers/lambda.ts';
import type { ResolverEvent } from '../../../resolvers/ResolverEvent.ts';
import { inMemoryJobServices } from '../../helpers/jobServices.ts';

const identity = {
  accountId: '000000000000',
  userArn: 'arn:aws:iam::000000000000:user/alice',
  username: 'alice',
  sourceIp: ['127.0.0.1'],
  cognitoIdentityId: null,
  cognitoIdentityPoolId: null,
  cognitoIdentityAuthType: null,
  cognitoIdentityAuthProvider: null,
};

/** An AppSync Direct Lambda event, shaped as aws-facts.md §4(c) describes it. */
function event(
  parentTypeName: string,
  fieldName: string,
  args: Record<string, unknown>,
  selectionSetList: string[] = ['id', 'status'],
): ResolverEvent<never, never> {
  return {
    arguments: args,
    identity,
    source: null,
    request: { headers: {}, domainName: null },
    info: { parentTypeName, fieldName, variables: {}, selectionSetList, selectionSetGraphQL: '' },
    prev: null,
    stash: {},
  } as unknown as ResolverEvent<never, never>;
}

describe('the Lambda handler', () => {
  it('routes an AppSync event by type and field to its resolver', async () => {
    const { services } = inMemoryJobServices();
    const handler = createLambdaHandler(async () => services);
    const job = (await handler(
      event('Mutation', 'maskText', { input: { text: 'Seen by Dr. Ohanian on 03/14/2023.' } }),
    )) as { id: string; status: string; maskedText: string };
    expect(job.status).toBe('SUCCEEDED');
    expect(job.maskedText).not.toContain('Ohanian');
    expect(await handler(event('Query', 'job', { id: job.id }))).toMatchObject({ id: job.id, owner: identity.userArn });
  });

  it('throws errors named by their closed code, with a message that holds no input', async () => {
    const { services } = inMemoryJobServices();
    const handler = createLambdaHandler(async () => services);
    const bad = handler(event('Mutation', 'maskText', { input: { text: 'Marla Quenby', options: { minScore: 7 } } }));
    await expect(bad).rejects.toMatchObject({
      name: 'INVALID_INPUT',
      message: 'options.minScore must be between 0 and 1',
    });
    const notBoolean = handler(
      event('Mutation', 'maskText', { input: { text: 'Marla Quenby', options: { maskCareUnits: 'yes' } } }),
    );
    await expect(notBoolean).rejects.toMatchObject({
      name: 'INVALID_INPUT',
      message: 'options.maskCareUnits must be true or false',
    });
    await expect(handler(event('Mutation', 'noSuchField', {}))).rejects.toMatchObject({
      name: 'INTERNAL',
      message: 'Internal error',
    });
    const anonymous = { ...event('Query', 'jobs', {}), identity: null } as unknown as ResolverEvent<never, never>;
    await expect(handler(anonymous)).rejects.toMatchObject({ name: 'UNAUTHORIZED' });
  });
});
