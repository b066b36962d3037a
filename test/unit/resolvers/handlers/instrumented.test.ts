import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instrumented } from '../../../../resolvers/handlers/instrumented.ts';
import { createAwsPowertools } from '../../../../src/services/awsPowertools.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const context = {
  functionName: 'hdm-graphql',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:hdm-graphql',
  memoryLimitInMB: '1024',
  awsRequestId: '6bc28136-4a2b-4f2e-9d4a-4a1d0c0b6d11',
  callbackWaitsForEmptyEventLoop: true,
  logGroupName: '/aws/lambda/hdm-graphql',
  logStreamName: 's',
  getRemainingTimeInMillis: () => 1000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
} as Context;

function output() {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () =>
    [...out.mock.calls, ...err.mock.calls].map(([chunk]) => JSON.parse(String(chunk)) as Record<string, unknown>);
}

describe('instrumented (the Lambda entry around a handler)', () => {
  it('puts the invocation on every log line and flushes the job metrics when the invocation ends', async () => {
    const lines = output();
    // Lambda sets this for on-demand execution environments; Powertools reports a cold start only then.
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const tools = createAwsPowertools();
    const handler = instrumented(tools, 'graphql', async (event: { n: number }) => {
      tools.logger.info('resolver.done', { n: event.n });
      tools.metrics.jobFinished('TEXT', 'SUCCEEDED', [{ type: 'NAME', count: 1 }]);
      return event.n + 1;
    });
    await expect(handler({ n: 1 }, context)).resolves.toBe(2);
    const written = lines();
    expect(written.find((line) => line.message === 'resolver.done')).toMatchObject({
      function_request_id: context.awsRequestId,
      function_name: 'hdm-graphql',
      n: 1,
    });
    expect(written.filter((line) => line.Jobs === 1 && line.kind === 'TEXT')).toHaveLength(1);
    expect(written.filter((line) => line.Findings === 1 && line.type === 'NAME')).toHaveLength(1);
    // The first invocation of an execution environment also reports Powertools' ColdStart metric, once.
    expect(written.filter((line) => line.ColdStart === 1)).toHaveLength(1);
    await handler({ n: 2 }, context);
    expect(lines().filter((line) => line.ColdStart === 1)).toHaveLength(1);
  });

  it('flushes the metrics of an invocation that throws, and rethrows its error unchanged', async () => {
    const lines = output();
    const tools = createAwsPowertools();
    const failure = Object.assign(new Error('Internal error'), { name: 'INTERNAL' });
    const handler = instrumented(tools, 'worker', async () => {
      tools.metrics.jobFinished('IMAGE', 'FAILED', []);
      throw failure;
    });
    await expect(handler({}, context)).rejects.toBe(failure);
    expect(lines().filter((line) => line.Jobs === 1 && line.status === 'FAILED')).toHaveLength(1);
  });

  it('traces nothing outside Lambda: no client is wrapped and no segment opened', async () => {
    const tools = createAwsPowertools();
    expect(tools.tracer.isTracingEnabled()).toBe(false);
    expect(tools.servicesOptions.traceClient).toBeUndefined();
    expect(tools.servicesOptions.logger).toBe(tools.logger);
    expect(tools.servicesOptions.metrics).toBe(tools.metrics);
  });
});
