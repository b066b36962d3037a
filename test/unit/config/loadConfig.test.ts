import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { HdmError } from '../../../src/core/errors.ts';

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig({})).toEqual({
      debug: false,
      port: 4000,
      host: '127.0.0.1',
      dataDir: '.data',
      region: 'us-east-1',
      regions: ['us-east-1'],
      tls: false,
      recordTtlDays: 30,
      maxRequestBytes: 6 * 1024 * 1024,
      tableName: 'hdm-jobs',
      bucket: 'hdm-data',
      outputBucket: 'hdm-output',
      maskFill: '#000000',
      workerConcurrency: 1,
      queryDepthLimit: 15,
      resolverCountLimit: 1000,
      syncTextLength: 100_000,
    });
  });

  it('reads the server settings', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      HDM_DATA_DIR: '/tmp/x',
      HDM_PRINCIPALS_FILE: 'p.json',
      AWS_REGION: 'eu-west-1',
      HDM_TLS: '1',
      HDM_RECORD_TTL_DAYS: '7',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      principalsFile: 'p.json',
      region: 'eu-west-1',
      tls: true,
      recordTtlDays: 7,
    });
    expect(loadConfig({ HDM_TLS_CERT: 'c.pem', HDM_TLS_KEY: 'k.pem' }).tls).toEqual({
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
    expect(loadConfig({ HDM_REGION: 'ap-southeast-2', AWS_REGION: 'us-west-2' }).region).toBe('ap-southeast-2');
    expect(loadConfig({ HDM_REGION: 'eu-west-1, us-east-1' })).toMatchObject({
      region: 'eu-west-1',
      regions: ['eu-west-1', 'us-east-1'],
    });
  });

  it('reports every bad key together', () => {
    expect(() =>
      loadConfig({ PORT: '70000', HDM_REGION: 'moon', HDM_TLS_CERT: 'c.pem', HDM_RECORD_TTL_DAYS: '-1' }),
    ).toThrow(/PORT.*HDM_RECORD_TTL_DAYS|HDM_TLS_CERT.*PORT/);
    const message = (() => {
      try {
        loadConfig({ PORT: '70000', HDM_REGION: 'moon', HDM_TLS_CERT: 'c.pem' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    for (const key of ['PORT', 'HDM_REGION', 'HDM_TLS_KEY']) expect(message).toContain(key);
  });

  it('parses booleans', () => {
    expect(loadConfig({ HDM_DEBUG: 'true' }).debug).toBe(true);
    expect(loadConfig({ HDM_DEBUG: '0' }).debug).toBe(false);
  });

  it('reports bad keys without echoing values', () => {
    let error: unknown;
    try {
      loadConfig({ HDM_DEBUG: 'Jane Roe 555-0143' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('HDM_DEBUG');
    expect(message).not.toContain('Jane');
    expect(message).not.toContain('555');
  });

  it("throws one ConfigError carrying every problem, with code INTERNAL (a server setting is never the caller's fault)", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', HDM_WORKER_CONCURRENCY: '99', HDM_TLS_KEY: 'k.pem' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(HdmError);
    expect(error).toMatchObject({ name: 'ConfigError', code: 'INTERNAL' });
    expect((error as ConfigError).problems).toEqual([
      'HDM_TLS_CERT and HDM_TLS_KEY must be set together',
      'PORT must be a whole number from 0 to 65535',
      'HDM_WORKER_CONCURRENCY must be a whole number from 1 to 16',
    ]);
    expect((error as Error).message).toBe(`invalid configuration: ${(error as ConfigError).problems.join('; ')}`);
  });

  it("reads the CLI's settings by the local rules", () => {
    expect(loadConfig({ HDM_DEBUG: 'yes' }, 'cli')).toEqual(loadConfig({ HDM_DEBUG: 'yes' }, 'local'));
    expect(() => loadConfig({ HDM_DEBUG: 'maybe' }, 'cli')).toThrow(ConfigError);
  });

  it("reads the recovery functions' time limits, both required", () => {
    expect(loadConfig({ HDM_WORKER_TIMEOUT_SECONDS: '300', HDM_RESOLVER_TIMEOUT_SECONDS: '30' }, 'recovery')).toEqual({
      workerTimeoutSeconds: 300,
      resolverTimeoutSeconds: 30,
    });
    expect(() => loadConfig({ HDM_WORKER_TIMEOUT_SECONDS: '901' }, 'recovery')).toThrow(
      expect.objectContaining({
        problems: [
          'HDM_WORKER_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 900',
          'HDM_RESOLVER_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 900',
        ],
      }),
    );
  });

  it('applies the local rules on AWS too, each problem its own line', () => {
    const env = {
      HDM_TABLE_NAME: 'jobs',
      HDM_BUCKET: 'in-bucket',
      HDM_OUTPUT_BUCKET: 'out-bucket',
      AWS_REGION: 'eu-west-1',
      HDM_GRAPHQL_URL: 'https://example.appsync-api.eu-west-1.amazonaws.com/graphql',
      HDM_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/q',
    };
    expect(loadConfig(env, 'lambda')).toMatchObject({
      tableName: 'jobs',
      region: 'eu-west-1',
      detector: 'comprehend-medical',
      ocr: 'rekognition',
    });
    expect(() =>
      loadConfig({ ...env, HDM_BUCKET: 'In_Bucket', HDM_MASK_FILL: 'red', HDM_OCR: 'paper' }, 'lambda'),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'HDM_OCR must be one of rekognition, tesseract',
          'HDM_BUCKET is not a valid name',
          'HDM_MASK_FILL is not a valid name',
        ],
      }),
    );
  });
});
