import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/core/Job.ts';
import { createLambdaHandler } from '../../../resolvers/lambda.ts';
import type { ResolverEvent } from '../../../resolvers/ResolverEvent.ts';
import { inMemoryJobServices } from '../../helpers/jobServices.ts';

const alice = 'arn:aws:iam::000000000000:user/alice';
const identityOf = (userArn: string) => ({
  accountId: '000000000000',
  userArn,
  username: 'AIDAALICE',
  sourceIp: ['203.0.113.7'],
  cognitoIdentityId: null,
  cognitoIdentityPoolId: null,
  cognitoIdentityAuthType: null,
  cognitoIdentityAuthProvider: null,
});

/**
 * One event of an AppSync BatchInvoke for a nested field: with maxBatchSize on a Direct Lambda resolver, AppSync
 * sends an array of these (aws-facts.md §4(c)), each the usual Direct Lambda event with `source` = its parent job,
 * and takes an array of results back, in the same order.
 */
function nestedEvent(
  fieldName: 'findings' | 'maskedImage',
  source: Job,
  args: Record<string, unknown> = {},
  userArn = alice,
): ResolverEvent<never, never> {
  const selectionSetList =
    fieldName === 'findings' ? ['items', 'items/type', 'items/beginOffset', 'nextToken'] : ['bucket', 'key', 'url'];
  return {
    arguments: args,
    identity: identityOf(userArn),
    source,
    request: { headers: { 'content-type': 'application/json' }, domainName: null },
    info: {
      parentTypeName: 'Job',
      fieldName,
      variables: {},
      selectionSetList,
      selectionSetGraphQL: `{ ${selectionSetList.join(' ')} }`,
    },
    prev: null,
    stash: {},
  } as unknown as ResolverEvent<never, never>;
}

function rootEvent(fieldName: string, args: Record<string, unknown>): ResolverEvent<never, never> {
  return {
    arguments: args,
    identity: identityOf(alice),
    source: null,
    request: { headers: {}, domainName: null },
    info: {
      parentTypeName: 'Mutation',
      fieldName,
      variables: {},
      selectionSetList: ['id'],
      selectionSetGraphQL: '{ id }',
    },
    prev: null,
    stash: {},
  } as unknown as ResolverEvent<never, never>;
}

describe('the Lambda handler with AppSync batching (BatchInvoke)', () => {
  it('answers an array of nested-field events with an array of results in the same order', async () => {
    const { services } = inMemoryJobServices();
    const handler = createLambdaHandler(async () => services);
    const texts = [
      'Call Marla Quenby at 555-867-5309.',
      'No identifiers here at all.',
      'Seen 03/14/2023 by Dr. Ohanian; email jo@example.com.',
    ];
    const jobs: Job[] = [];
    for (const text of texts) jobs.push((await handler(rootEvent('maskText', { input: { text } }))) as Job);

    const batch = [...jobs].reverse().map((job) => nestedEvent('findings', job, { limit: 50 }));
    const results = (await handler(batch)) as { items: { jobId: string; type: string }[] }[];

    expect(results).toHaveLength(3);
    const expected = await Promise.all([...jobs].reverse().map((job) => services.jobs.listJobFindings(job.id, 50)));
    results.forEach((result, i) => {
      expect(result.items.map((f) => f.jobId)).toEqual(expected[i]!.items.map((f) => f.jobId));
      expect(result.items.length).toBe([...jobs].reverse()[i]!.findingCount);
    });
    expect(results[1]!.items).toEqual([]);
  });

  it('answers a batch of one (AppSync batches even a single parent) with an array of one', async () => {
    const { services } = inMemoryJobServices();
    const handler = createLambdaHandler(async () => services);
    const job = (await handler(rootEvent('maskText', { input: { text: 'Nothing to see.' } }))) as Job;
    const image = {
      ...job,
      maskedImage: {
        bucket: 'hdm-test-output',
        key: `masked/${job.id}/image.png`,
        contentType: 'image/png',
        width: 1,
        height: 1,
        size: 67,
      },
    };
    await expect(handler([nestedEvent('maskedImage', image)])).resolves.toEqual([
      expect.objectContaining({ key: `masked/${job.id}/image.png`, url: expect.stringContaining(job.id) }),
    ]);
    await expect(handler([nestedEvent('maskedImage', job)])).resolves.toEqual([null]);
  });

  it("fails the whole batch with the failing event's closed error, never a partial array", async () => {
    const { services } = inMemoryJobServices();
    const handler = createLambdaHandler(async () => services);
    const job = (await handler(
      rootEvent('maskText', { input: { text: 'Call Marla Quenby at 555-867-5309.' } }),
    )) as Job;
    // The second event's caller does not own the parent job (AppSync would not send this, but the resolver checks).
    const batch = [
      nestedEvent('findings', job),
      nestedEvent('findings', job, {}, 'arn:aws:iam::000000000000:user/mallory'),
      nestedEvent('findings', job),
    ];
    await expect(handler(batch)).rejects.toMatchObject({ name: 'UNAUTHORIZED' });
    await expect(handler([nestedEvent('findings', job, { limit: 0 })])).rejects.toMatchObject({
      name: 'INVALID_INPUT',
    });
  });

  it('resolves the events of a batch concurrently, at most ten at a time', async () => {
    const { services } = inMemoryJobServices();
    const job = (await createLambdaHandler(async () => services)(
      rootEvent('maskText', { input: { text: 'Marla Quenby' } }),
    )) as Job;
    let running = 0;
    let most = 0;
    const listJobFindings = services.jobs.listJobFindings.bind(services.jobs);
    services.jobs.listJobFindings = async (...args) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return listJobFindings(...args);
    };
    const results = (await createLambdaHandler(async () => services)(
      Array.from({ length: 25 }, () => nestedEvent('findings', job)),
    )) as unknown[];
    expect(results).toHaveLength(25);
    expect(most).toBe(10);
  });
});
