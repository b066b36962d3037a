import { Logger as PowertoolsLoggerInstance } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PowertoolsLogger } from '../../../../src/adapters/aws/PowertoolsLogger.ts';

afterEach(() => vi.restoreAllMocks());

/** Powertools writes through its own Console on process.stdout (info, warn) and process.stderr (error). */
function captured(): { lines: () => Record<string, unknown>[] } {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return {
    lines: () =>
      [...out.mock.calls, ...err.mock.calls].map(([chunk]) => JSON.parse(String(chunk)) as Record<string, unknown>),
  };
}

describe('PowertoolsLogger (the Logger port on Powertools Logger)', () => {
  it('writes one JSON line per call: the event name as message, the service, and the fields', () => {
    const output = captured();
    const logger = new PowertoolsLogger();
    logger.info('worker.done', { jobId: 'job-0001', status: 'SUCCEEDED' });
    logger.warn('job.publish_failed', { jobId: 'job-0001' });
    logger.error('job.failed', { jobId: 'job-0002', kind: 'TEXT', error: 'JobStoreError' });
    expect(output.lines()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'worker.done',
        service: 'health-data-masking',
        jobId: 'job-0001',
        status: 'SUCCEEDED',
        timestamp: expect.any(String),
      }),
      expect.objectContaining({ level: 'WARN', message: 'job.publish_failed', jobId: 'job-0001' }),
      expect.objectContaining({ level: 'ERROR', message: 'job.failed', kind: 'TEXT', error: 'JobStoreError' }),
    ]);
  });

  it('keeps a field named like a Powertools key under _<key> instead of losing it', () => {
    const output = captured();
    new PowertoolsLogger().error('services.wiring_failed', {
      error: 'AwsConfigurationError',
      message: 'HDM_TABLE_NAME must be set',
      level: 3,
    });
    const [line, ...more] = output.lines();
    expect(more).toEqual([]); // no "reserved key dropped" warning line
    expect(line).toMatchObject({
      level: 'ERROR',
      message: 'services.wiring_failed',
      _message: 'HDM_TABLE_NAME must be set',
      _level: 3,
    });
  });

  it('adds the Lambda context the handler gives the instance to every line', () => {
    const output = captured();
    const powertools = new PowertoolsLoggerInstance({ serviceName: 'health-data-masking' });
    const logger = new PowertoolsLogger(powertools);
    powertools.addContext({
      functionName: 'hdm-graphql',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:hdm-graphql',
      memoryLimitInMB: '1024',
      awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
      callbackWaitsForEmptyEventLoop: true,
      logGroupName: '/aws/lambda/hdm-graphql',
      logStreamName: 's',
      getRemainingTimeInMillis: () => 1000,
      done: () => {},
      fail: () => {},
      succeed: () => {},
    });
    logger.info('resolver.done');
    expect(output.lines()[0]).toMatchObject({
      function_name: 'hdm-graphql',
      function_request_id: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
      cold_start: expect.any(Boolean),
    });
  });
});
