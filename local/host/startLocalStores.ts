import { join } from 'node:path';
import { MAX_IMAGE_BYTES } from '../../src/core/processImageJob.ts';
import { UPLOAD_PREFIX } from '../../src/core/uploadPrefix.ts';
import { startDynalite } from '../dynamodb/startDynalite.ts';
import { createObjectGateway, type ObjectGateway } from '../s3/objectGateway.ts';
import { startS3rver } from '../s3/startS3rver.ts';
import { tightenDataDir } from '../server/privateDataDir.ts';
import { createStoreSockets } from '../server/storeSockets.ts';
import type { CloseStack } from './CloseStack.ts';
import type { LocalSettings } from './LocalSettings.ts';

/** The region presigned object URLs are signed for (the object gateway's, whatever the API's region). */
export const OBJECT_REGION = 'us-east-1';

/** The running stand-ins for DynamoDB and S3, and the server's route to the objects. */
export interface LocalStores {
  dynamoDbSocket: string;
  s3Socket: string;
  gateway: ObjectGateway;
}

/**
 * Starts dynalite and s3rver on Unix sockets in a 0700 directory, never on TCP (they check no signature), and
 * the object gateway: uploads and downloads go through the API server, which checks the presigned URLs s3rver
 * would not. Each is pushed on `stack` as soon as it runs, so a later failure stops it.
 */
export async function startLocalStores(
  settings: LocalSettings,
  log: (entry: Record<string, unknown>) => void,
  stack: CloseStack,
): Promise<LocalStores> {
  const { dataDir, inMemory } = settings;
  const sockets = stack.push(await createStoreSockets(inMemory ? undefined : dataDir));
  const dynalite = stack.push(
    await startDynalite({
      thread: true,
      socketPath: sockets.dynamoDb,
      ...(inMemory ? {} : { path: join(dataDir, 'dynamodb') }),
    }),
  );
  const s3 = stack.push(
    await startS3rver({
      socketPath: sockets.s3,
      ...(inMemory ? {} : { directory: join(dataDir, 's3') }),
      buckets: [settings.bucket, settings.outputBucket],
    }),
  );
  // LevelDB and s3rver have just created their files with the default modes.
  await tightenDataDir(dataDir);
  const gateway = stack.push(
    createObjectGateway({
      s3SocketPath: sockets.s3,
      region: OBJECT_REGION,
      uploads: { bucket: settings.bucket, prefix: UPLOAD_PREFIX },
      downloads: { bucket: settings.outputBucket },
      maxUploadBytes: MAX_IMAGE_BYTES,
      log,
    }),
  );
  return { dynamoDbSocket: dynalite.socketPath as string, s3Socket: s3.socketPath as string, gateway };
}
