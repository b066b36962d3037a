import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { localSettings } from '../../../../local/host/LocalSettings.ts';

describe('localSettings', () => {
  const config = loadConfig({
    PORT: '4100',
    HDM_REGION: 'us-east-1,eu-west-1',
    HDM_PRINCIPALS_FILE: 'p.json',
    HDM_SYNC_TEXT_LENGTH: '500',
  });

  it('keeps the environment where startLocalApi is given no option', () => {
    expect(localSettings(config, {})).toEqual({ ...config, inMemory: false });
  });

  it('lets options win, and puts the advertised region first among the signed ones', () => {
    const settings = localSettings(config, {
      port: 0,
      host: '::1',
      dataDir: '/tmp/d',
      region: 'eu-west-1',
      tls: true,
      syncTextLength: 10,
      principalsFile: 'q.json',
      inMemory: true,
    });
    expect(settings).toMatchObject({
      port: 0,
      host: '::1',
      dataDir: '/tmp/d',
      region: 'eu-west-1',
      tls: true,
      syncTextLength: 10,
      principalsFile: 'q.json',
      inMemory: true,
    });
    expect(settings.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(localSettings(loadConfig({}), { region: 'ap-south-1' }).regions).toEqual(['ap-south-1', 'us-east-1']);
    expect(localSettings(loadConfig({}), {})).not.toHaveProperty('principalsFile');
  });
});
