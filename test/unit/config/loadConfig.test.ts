import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { InvalidInputError } from '../../../src/core/errors.ts';

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig({})).toEqual({
      debug: false, port: 4000, host: '127.0.0.1', dataDir: '.data', region: 'us-east-1', regions: ['us-east-1'], tls: false,
      recordTtlDays: 30, maxRequestBytes: 6 * 1024 * 1024, tableName: 'hdm-jobs', bucket: 'hdm-data',
      outputBucket: 'hdm-output', maskFill: '#000000', workerConcurrency: 1, queryDepthLimit: 15, resolverCountLimit: 1000, syncTextLength: 100_000,
    });
  });

  it('reads the server settings', () => {
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', HDM_DATA_DIR: '/tmp/x', HDM_PRINCIPALS_FILE: 'p.json', AWS_REGION: 'eu-west-1', HDM_TLS: '1', HDM_RECORD_TTL_DAYS: '7' });
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', dataDir: '/tmp/x', principalsFile: 'p.json', region: 'eu-west-1', tls: true, recordTtlDays: 7 });
    expect(loadConfig({ HDM_TLS_CERT: 'c.pem', HDM_TLS_KEY: 'k.pem' }).tls).toEqual({ certFile: 'c.pem', keyFile: 'k.pem' });
    expect(loadConfig({ HDM_REGION: 'ap-southeast-2', AWS_REGION: 'us-west-2' }).region).toBe('ap-southeast-2');
    expect(loadConfig({ HDM_REGION: 'eu-west-1, us-east-1' })).toMatchObject({ region: 'eu-west-1', regions: ['eu-west-1', 'us-east-1'] });
  });

  it('reports every bad key together', () => {
    expect(() => loadConfig({ PORT: '70000', HDM_REGION: 'moon', HDM_TLS_CERT: 'c.pem', HDM_RECORD_TTL_DAYS: '-1' })).toThrow(
      /PORT.*HDM_RECORD_TTL_DAYS|HDM_TLS_CERT.*PORT/,
    );
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
    expect(error).toBeInstanceOf(InvalidInputError);
    const message = (error as Error).message;
    expect(message).toContain('HDM_DEBUG');
    expect(message).not.toContain('Jane');
    expect(message).not.toContain('555');
  });
});
