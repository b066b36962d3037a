import { createLocalServices, type WiredServices } from '../../src/services/localServices.ts';
import type { Logger } from '../../src/core/JobServices.ts';
import { OBJECT_GATEWAY_PATH } from '../s3/objectGateway.ts';
import type { LocalEventBus } from './LocalEventBus.ts';
import type { LocalSettings } from './LocalSettings.ts';
import { OBJECT_REGION, type LocalStores } from './startLocalStores.ts';

/**
 * The job services from the local composition root (src/services/localServices.ts), on the running stores. What
 * they send out goes on the bus: job updates (to the publishJobUpdate resolver, then the subscribers) and queued
 * jobs (to the in-process worker). Presigned URLs point at the server's object gateway, whose origin is known
 * once the server listens, before any request.
 */
export function wireLocalServices(
  settings: LocalSettings,
  stores: LocalStores,
  logger: Logger,
  bus: LocalEventBus,
): WiredServices {
  let origin: string | undefined;
  bus.on('listening', (event) => (origin = event.origin));
  const gatewayEndpoint = (): string => {
    if (origin === undefined) throw new Error('presigned URL requested before the server listens');
    return `${origin}${OBJECT_GATEWAY_PATH}`;
  };
  return createLocalServices({
    dynamoDbSocket: stores.dynamoDbSocket,
    s3Socket: stores.s3Socket,
    objectGateway: { endpoint: gatewayEndpoint, region: OBJECT_REGION, credentials: stores.gateway.key },
    tableName: settings.tableName,
    bucket: settings.bucket,
    recordTtlDays: settings.recordTtlDays,
    syncTextLength: settings.syncTextLength,
    logger,
    events: { publish: (update) => bus.emit('jobUpdated', update) },
    images: {
      outputBucket: settings.outputBucket,
      fill: settings.maskFill,
      queue: { enqueue: (jobId) => bus.emit('jobQueued', jobId) },
    },
  });
}
