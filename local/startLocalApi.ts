import { ensureJobTable } from '../src/adapters/dynamodb/createJobTable.ts';
import { loadConfig } from '../src/config.ts';
import { CloseStack } from './host/CloseStack.ts';
import { createLocalRealtime } from './host/createLocalRealtime.ts';
import { createLocalResolvers } from './host/createLocalResolvers.ts';
import { API_ID, loadLocalAuth } from './host/loadLocalAuth.ts';
import { LocalEventBus } from './host/LocalEventBus.ts';
import { localSettings } from './host/LocalSettings.ts';
import { startHttpServer } from './host/startHttpServer.ts';
import { startJobRecovery } from './host/startJobRecovery.ts';
import { startJobWorker } from './host/startJobWorker.ts';
import { startLocalStores } from './host/startLocalStores.ts';
import { wireLocalServices } from './host/wireLocalServices.ts';
import { createJsonLogger } from './jsonLogger.ts';
import type { LocalApi, LocalApiOptions } from './LocalApi.ts';
import { preparePrivateDataDir } from './server/privateDataDir.ts';

export type { LocalApi, LocalApiOptions } from './LocalApi.ts';

/**
 * Starts the whole API on this machine: dynalite and s3rver (in this process), the local detector, the
 * GraphQL endpoint with SigV4, and AppSync's real-time protocol. Defaults come from the environment
 * (src/config.ts); options override them. The parts (local/host/) take their collaborators once and talk
 * through one event bus; each is closed, in reverse order, by close() or when a later one fails to start.
 */
export async function startLocalApi(options: LocalApiOptions = {}): Promise<LocalApi> {
  const settings = localSettings(loadConfig(), options);
  const logger = createJsonLogger(options.log ?? ((line) => process.stdout.write(`${line}\n`)));
  // 0700 before anything is written into it; refuses to start when it stays open to other users.
  await preparePrivateDataDir(settings.dataDir);
  const stack = new CloseStack();
  try {
    const bus = new LocalEventBus();
    const auth = await loadLocalAuth(settings);
    const stores = await startLocalStores(settings, (entry) => logger.line(entry), stack);
    const { services, dynamoDb } = stack.push(wireLocalServices(settings, stores, logger, bus));
    const engine = await createLocalResolvers({ services, dynamoDb, settings, auth, bus });
    // The worker takes jobs from the bus before anything can queue one (recovery is the first).
    stack.push(startJobWorker({ services, bus, concurrency: settings.workerConcurrency, logger }));
    await ensureJobTable(dynamoDb, settings.tableName);
    stack.push(await startJobRecovery(services));
    const realtime = createLocalRealtime({ engine, auth, logger, limits: options.limits?.realtime, bus });
    const server = stack.push(
      await startHttpServer({
        engine,
        realtime,
        gateway: stores.gateway,
        settings,
        auth,
        limits: options.limits?.server,
        log: (entry) => logger.line(entry),
        bus,
      }),
    );
    logger.info('api.started', { port: server.port, tls: Boolean(auth.certificate), inMemory: settings.inMemory });
    const { origin } = server;
    return {
      url: `${origin}/graphql`,
      realtimeUrl: `${origin.replace(/^http/, 'ws')}/graphql/realtime`,
      consoleUrl: `${origin}/#token=${server.consoleToken}`,
      region: settings.region,
      apiId: API_ID,
      accountId: auth.accountId,
      principals: auth.principals,
      ...(auth.generated ? { generatedPrincipal: auth.generated } : {}),
      ...(auth.certificate ? { certificatePem: auth.certificate.cert } : {}),
      close: () => stack.closeAll(),
    };
  } catch (error) {
    await stack.closeAll();
    throw error;
  }
}
