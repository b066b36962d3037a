import { describe, expect, it } from 'vitest';
import {
  FollowAbortedError,
  followJob,
  type JobFollowingClient,
  type JobStatus,
  type JobWithFindings,
} from '../../../console/src/followJob.ts';
import type { SubscriptionObserver } from '../../../src/client/index.ts';

// followJob against a fake of the two client calls it makes (the port JobFollowingClient): a subscription
// whose events the test fires, and Job reads that answer from a script of statuses.

type Update = { onJobsUpdated: { id: string; status: JobStatus } | null };

/** A fake client: `emit` and `fail` drive the one subscription; each Job read takes the next scripted status. */
function fakeClient(readStatuses: JobStatus[]) {
  const state = {
    observer: undefined as SubscriptionObserver<Update> | undefined,
    unsubscribed: 0,
    reads: [] as string[],
  };
  const client: JobFollowingClient = {
    request: (async (_document: unknown, variables: { id: string }) => {
      state.reads.push(variables.id);
      const status = readStatuses.length > 1 ? (readStatuses.shift() as JobStatus) : readStatuses[0];
      return { job: jobRecord(variables.id, status ?? 'SUCCEEDED') };
    }) as JobFollowingClient['request'],
    subscribe: ((_document: unknown, _variables: unknown, observer: SubscriptionObserver<Update>) => {
      state.observer = observer;
      return { unsubscribe: () => void state.unsubscribed++ };
    }) as JobFollowingClient['subscribe'],
  };
  const observer = () => {
    if (!state.observer) throw new Error('followJob did not subscribe');
    return state.observer;
  };
  return {
    client,
    state,
    started: () => observer().started?.(),
    emit: (id: string, status: JobStatus) => observer().next({ onJobsUpdated: { id, status } }),
    fail: (error: Error) => observer().error?.(error),
  };
}

function jobRecord(id: string, status: JobStatus): JobWithFindings {
  // Only what followJob reads (id, status, findings); the rest of a Job is not looked at.
  return { id, status, findings: { items: [], nextToken: null } } as unknown as JobWithFindings;
}

/** A promise the test settles by hand: the job's start, answered when the test chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followJob', () => {
  it('keeps updates that arrive before the job id is known and matches them once start answers', async () => {
    const fake = fakeClient(['SUCCEEDED']);
    const start = deferred<{ id: string; status: JobStatus }>();
    let startCalls = 0;
    const heard: JobStatus[] = [];
    const followed = followJob(
      fake.client,
      () => (startCalls++, start.promise),
      (status) => heard.push(status),
    );

    expect(startCalls, 'the job starts only after start_ack').toBe(0);
    fake.started();
    expect(startCalls).toBe(1);
    // The worker is fast: RUNNING and SUCCEEDED are published before maskImage's answer arrives.
    fake.emit('job-1', 'RUNNING');
    fake.emit('someone-elses-job', 'FAILED');
    fake.emit('job-1', 'SUCCEEDED');
    await tick();
    expect(fake.state.reads, 'nothing is read before the id is known').toEqual([]);
    start.resolve({ id: 'job-1', status: 'QUEUED' });

    const job = await followed;
    expect(job.status).toBe('SUCCEEDED');
    expect(heard).toEqual(['QUEUED', 'RUNNING']);
    expect(fake.state.reads).toEqual(['job-1']);
    expect(fake.state.unsubscribed).toBe(1);
  });

  it('reads the job until it is final when the socket drops after the job started', async () => {
    const fake = fakeClient(['RUNNING', 'RUNNING', 'SUCCEEDED']);
    const heard: JobStatus[] = [];
    const followed = followJob(
      fake.client,
      async () => ({ id: 'job-2', status: 'QUEUED' }),
      (status) => heard.push(status),
      { pollMs: 1 },
    );
    fake.started();
    await tick();
    fake.fail(new Error('the real-time connection failed'));

    const job = await followed;
    expect(job.status).toBe('SUCCEEDED');
    expect(heard).toEqual(['QUEUED', 'RUNNING', 'RUNNING']);
    expect(fake.state.reads).toEqual(['job-2', 'job-2', 'job-2']);
    // Later events of the dead subscription change nothing.
    fake.emit('job-2', 'FAILED');
    expect(fake.state.reads).toHaveLength(3);
  });

  it('rejects with the socket error when it drops before the job exists', async () => {
    const fake = fakeClient(['SUCCEEDED']);
    let startCalls = 0;
    const followed = followJob(
      fake.client,
      async () => (startCalls++, { id: 'job-3', status: 'QUEUED' }),
      () => undefined,
    );
    fake.fail(new Error('refused'));
    await expect(followed).rejects.toThrow('refused');
    fake.started();
    expect(startCalls, 'no job is started after the outcome is decided').toBe(0);
    expect(fake.state.reads).toEqual([]);
  });

  it('stops on abort: unsubscribes, stops polling and rejects with FollowAbortedError', async () => {
    const fake = fakeClient(['RUNNING']);
    const controller = new AbortController();
    const followed = followJob(
      fake.client,
      async () => ({ id: 'job-4', status: 'QUEUED' }),
      () => undefined,
      { pollMs: 1, signal: controller.signal },
    );
    fake.started();
    await tick();
    fake.fail(new Error('dropped'));
    await tick();
    controller.abort();
    await expect(followed).rejects.toBeInstanceOf(FollowAbortedError);
    const reads = fake.state.reads.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.state.reads.length, 'no more reads after abort').toBe(reads);
    expect(reads).toBeGreaterThan(0);
    expect(fake.state.unsubscribed).toBe(1);
  });
});
