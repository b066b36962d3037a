import type { Config } from '../../src/config.ts';
import type { LocalApiOptions } from '../LocalApi.ts';

/** The configuration (loadConfig 'local') with startLocalApi's options applied: what every part reads. */
export interface LocalSettings extends Config {
  /** Keep DynamoDB and S3 in memory (tests). */
  inMemory: boolean;
}

/** Options win over the environment; the advertised region comes first among the regions signatures may name. */
export function localSettings(config: Config, options: LocalApiOptions): LocalSettings {
  const region = options.region ?? config.region;
  const principalsFile = options.principalsFile ?? config.principalsFile;
  return {
    ...config,
    port: options.port ?? config.port,
    host: options.host ?? config.host,
    dataDir: options.dataDir ?? config.dataDir,
    region,
    regions: [region, ...config.regions.filter((r) => r !== region)],
    tls: options.tls ?? config.tls,
    syncTextLength: options.syncTextLength ?? config.syncTextLength,
    inMemory: Boolean(options.inMemory),
    ...(principalsFile === undefined ? {} : { principalsFile }),
  };
}
