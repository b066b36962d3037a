import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { maskTextJob } from '../../../../src/core/maskTextJob.ts';
import { sweepPolicyFor, TIME_LIMIT_ERROR } from '../../../../src/core/sweepJobs.ts';
import { RECOVERY_ENV, sweepPolicyFromEnv } from '../../../../resolvers/handlers/recoverySettings.ts';
import { createSweeperHandler } from '../../../../resolvers/handlers/sweeperHandler.ts';
import { inMemoryJobServices } from '../../../helpers/jobServices.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };

/** An EventBridge schedule's event, as Lambda receives it. */
const SCHEDULED: ScheduledEvent = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time: '2025-11-28T22:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:000000000000:rule/hdm-sweep'],
  detail: {},
};

describe('the sweeper handler', () => {
  it('runs the sweep on each scheduled event: a TEXT job left RUNNING by a timed-out resolver ends FAILED, published', async () => {
    const { services, published, logLines } = inMemoryJobServices();
    const clock = { ms: Date.now() };
    services.now = () => new Date(clock.ms);
    services.detector = { detect: () => new Promise<never>(() => {}) };
    void maskTextJob(services, alice, { text: 'Seen by Dr. Quenby Marsh today.' });
    for (let i = 0; i < 200 && (await services.jobs.listJobs(alice.owner, {}, 10)).items.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const [job] = (await services.jobs.listJobs(alice.owner, {}, 10)).items;
    expect(job?.status).toBe('RUNNING');
    const handler = createSweeperHandler(
      async () => services,
      () => sweepPolicyFor({ workerMs: 300_000, resolverMs: 30_000 }),
    );
    expect(await handler(SCHEDULED)).toEqual({ failed: 0, requeued: 0 });
    clock.ms += 5 * 60_000;
    expect(await handler(SCHEDULED)).toEqual({ failed: 1, requeued: 0 });
    expect(published.at(-1)).toMatchObject({ id: job?.id, status: 'FAILED', error: TIME_LIMIT_ERROR });
    expect(logLines.some((line) => line.includes('"sweeper.done"'))).toBe(true);
    expect(logLines.join('\n')).not.toContain('Quenby');
  });

  it('fails the invocation when the store cannot be read, so Lambda retries it', async () => {
    const { services } = inMemoryJobServices();
    services.jobs.listOpenJobs = async () => {
      throw new Error('table unreachable');
    };
    const handler = createSweeperHandler(
      async () => services,
      () => sweepPolicyFor({ workerMs: 300_000, resolverMs: 30_000 }),
    );
    await expect(handler(SCHEDULED)).rejects.toThrow('table unreachable');
  });
});

describe('sweepPolicyFromEnv', () => {
  it("takes the worker's and the resolver's timeouts, each plus the margin", () => {
    const policy = sweepPolicyFromEnv({
      [RECOVERY_ENV.workerTimeoutSeconds]: '300',
      [RECOVERY_ENV.resolverTimeoutSeconds]: '30',
    });
    expect(policy).toEqual(sweepPolicyFor({ workerMs: 300_000, resolverMs: 30_000 }));
    expect(policy.runningLimitMs).toEqual({ IMAGE: 360_000, TEXT: 90_000 });
  });

  it('names every bad key, never a value', () => {
    expect(() => sweepPolicyFromEnv({ [RECOVERY_ENV.workerTimeoutSeconds]: 'five minutes' })).toThrow(
      expect.objectContaining({
        problems: [
          'HDM_WORKER_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 900',
          'HDM_RESOLVER_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 900',
        ],
      }),
    );
  });
});
