import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { ensureJobTable } from '../src/adapters/dynamodb/createJobTable.ts';
import { createLocalServices, type WiredServices } from '../src/services.ts';
import type { JobServices } from '../src/core/JobServices.ts';
import { processImageJob } from '../src/core/processImageJob.ts';
import { LocalJobQueue } from './worker/LocalJobQueue.ts';
import { recoverJobs } from './worker/recoverJobs.ts';
import { JS_RESOLVER_DIR, JS_RESOLVERS } from '../resolvers/appsync/jsResolvers.ts';
import { identityOf, isAllowed, loadPrincipals, verifyRealtimeAuth, verifySigV4, REALTIME_CONNECT_PATH, REALTIME_START_PATH, type ApiCoordinates, type IamIdentity, type Principal } from './auth/index.ts';
import { createDynamoDbDataSource, loadJsResolver, matchesSubscriptionFilter, noneDataSource, runJsResolver, type JsResolver, type SubscriptionFilter } from './appsync-js/index.ts';
import { startDynalite } from './dynamodb/startDynalite.ts';
import { GraphQLEngine, SubscriptionRefusedError, type CallContext } from './graphql/GraphQLEngine.ts';
import { loadSchema } from './graphql/loadSchema.ts';
import { createJsonLogger } from './jsonLogger.ts';
import type { LocalApi, LocalApiOptions } from './LocalApi.ts';
import { createRealtimeServer, RealtimeSubscribeError, type RealtimeServer } from './realtime/index.ts';
import { startS3rver } from './s3/startS3rver.ts';
import { createRequestListener } from './server/createRequestListener.ts';
import { loadOrCreateCertificate } from './tls/loadOrCreateCertificate.ts';

export type { LocalApi, LocalApiOptions } from './LocalApi.ts';

const API_ID = 'local';

interface RealtimeCaller {
  principal: Principal;
  sourceIp: string;
}

/**
 * Starts the whole API on this machine: dynalite and s3rver (in this process), the local detector, the
 * GraphQL endpoint with SigV4, and AppSync's real-time protocol. Defaults come from the environment
 * (src/config.ts); options override them.
 */
export async function startLocalApi(options: LocalApiOptions = {}): Promise<LocalApi> {
  const config = loadConfig();
  const dataDir = options.dataDir ?? config.dataDir;
  const region = options.region ?? config.region;
  const tls = options.tls ?? config.tls;
  const logger = createJsonLogger(options.log ?? ((line) => process.stdout.write(`${line}\n`)));
  await mkdir(dataDir, { recursive: true });

  const stack = new Stack();
  try {
    const { registry, principals, generated } = await loadPrincipals({ file: options.principalsFile ?? config.principalsFile, dataDir });
    const accountId = principals[0]?.accountId ?? '000000000000';
    const api: ApiCoordinates = { region, accountId, apiId: API_ID };
    const dynalite = stack.push(await startDynalite({ thread: true, ...(options.inMemory ? {} : { path: join(dataDir, 'dynamodb') }) }));
    const s3 = stack.push(await startS3rver({ ...(options.inMemory ? {} : { directory: join(dataDir, 's3') }), buckets: [config.bucket, config.outputBucket] }));

    // The services publish through the real-time server, which needs the engine, which needs the services.
    const late: { realtime?: RealtimeServer; services?: JobServices } = {};
    // The image worker: in this process, bounded; the job records are the durable queue (recoverJobs).
    const queue = new LocalJobQueue({ concurrency: config.workerConcurrency, logger, process: (jobId) => processImageJob(late.services as JobServices, jobId) });
    const wired: WiredServices = createLocalServices({
      dynamoDbEndpoint: dynalite.endpoint,
      s3Endpoint: s3.endpoint,
      tableName: config.tableName,
      bucket: config.bucket,
      recordTtlDays: config.recordTtlDays,
      logger,
      // Locally the worker's publishJobUpdate goes straight to the subscribers, as AppSync would deliver it.
      events: { publish: async (update) => void (await late.realtime?.publish('publishJobUpdate', update)) },
      images: { outputBucket: config.outputBucket, fill: config.maskFill, queue },
    });
    late.services = wired.services;
    stack.push({ close: () => wired.close() });
    stack.push(queue);
    await ensureJobTable(wired.dynamoDb, config.tableName);
    const recovered = await recoverJobs(wired.dynamoDb, config.tableName, wired.services, queue);
    if (recovered.requeued + recovered.failed > 0) logger.info('worker.recovered', recovered);

    const engine = new GraphQLEngine({
      schema: loadSchema(),
      services: wired.services,
      isAllowed: (principal, typeName, fieldName) => isAllowed(principal, typeName, fieldName, api),
      authorizeSubscription: subscriptionAuthorizer(wired, config.tableName, await loadSubscriptionResolvers()),
      matchesFilter: (filter, payload) => matchesSubscriptionFilter(filter as SubscriptionFilter, payload),
      onMutationResult: (field, result) => void late.realtime?.publish(field, result),
    });
    // The advertised region first, then any others the configuration names.
    const verifyOptions = { principals: registry, regions: [region, ...config.regions.filter((r) => r !== region)] };
    const realtime = createRealtimeServer<RealtimeCaller>({
      logger,
      hooks: {
        authenticateConnection: async (auth, request) => ({ principal: verifyRealtimeAuth(auth, '{}', REALTIME_CONNECT_PATH, verifyOptions).principal, sourceIp: request.sourceIp }),
        authenticateStart: async (auth, data, connection) => ({ principal: verifyRealtimeAuth(auth, data, REALTIME_START_PATH, verifyOptions).principal, sourceIp: connection.sourceIp }),
        subscribe: async (caller, request) => {
          const call: CallContext = { principal: caller.principal, identity: identityOf(caller.principal, [caller.sourceIp]), headers: {}, domainName: null };
          try {
            return await engine.subscribe(request, call);
          } catch (error) {
            if (error instanceof SubscriptionRefusedError) throw new RealtimeSubscribeError(error.errors.map((e) => ({ errorType: e.errorType ?? 'ValidationError', message: e.message })));
            throw error;
          }
        },
      },
    });
    late.realtime = realtime;

    const listener = createRequestListener({
      engine,
      authenticate: (request) => verifySigV4(request, verifyOptions).principal,
      identityOf,
      maxRequestBytes: config.maxRequestBytes,
      log: (entry) => logger.line(entry),
    });
    const certificate = tls ? await loadOrCreateCertificate(dataDir, typeof tls === 'object' ? tls : undefined) : undefined;
    const server: Server = certificate ? createHttpsServer({ cert: certificate.cert, key: certificate.key }, listener) : createHttpServer(listener);
    // A keep-alive connection that just answered would otherwise hold close() until its idle timeout.
    server.on('request', (_request, response) => response.once('finish', () => setImmediate(() => !server.listening && server.closeIdleConnections())));
    server.on('upgrade', (request, socket, head) => {
      if (!realtime.handleUpgrade(request, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    });
    const host = options.host ?? config.host;
    const port = await listen(server, options.port ?? config.port, host);
    // WebSockets first (they get their 1001 close frame), then HTTP: server.close() waits for every socket.
    stack.push({
      close: async () => {
        const httpClosed = closeServer(server);
        await realtime.close();
        await httpClosed;
      },
    });

    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    const origin = `${certificate ? 'https' : 'http'}://${urlHost}:${port}`;
    logger.info('api.started', { port, tls: Boolean(certificate), inMemory: Boolean(options.inMemory) });
    return {
      url: `${origin}/graphql`,
      realtimeUrl: `${origin.replace(/^http/, 'ws')}/graphql/realtime`,
      region,
      apiId: API_ID,
      accountId,
      principals,
      ...(generated ? { generatedPrincipal: generated } : {}),
      ...(certificate ? { certificatePem: certificate.cert } : {}),
      close: () => stack.closeAll(),
    };
  } catch (error) {
    await stack.closeAll();
    throw error;
  }
}

/**
 * Loads the APPSYNC_JS resolvers once, at start, so no subscriber waits for bundling. Their APPSYNC_JS
 * language check runs in the test suite (it loads the TypeScript parser, seconds of start-up here).
 */
function loadSubscriptionResolvers(): Promise<JsResolver[]> {
  return Promise.all(JS_RESOLVERS.map((binding) => loadJsResolver(fileURLToPath(new URL(binding.file, JS_RESOLVER_DIR)), { checkAppSyncJs: false })));
}

/** Runs a subscription field's APPSYNC_JS resolver: it refuses (util.unauthorized) or sets the filter. */
function subscriptionAuthorizer(wired: WiredServices, tableName: string, resolvers: JsResolver[]) {
  const tableSource = createDynamoDbDataSource({ client: wired.dynamoDb, tableName });
  return async (fieldName: string, args: Record<string, unknown>, identity: IamIdentity): Promise<{ filter?: unknown }> => {
    const index = JS_RESOLVERS.findIndex((r) => r.fieldName === fieldName);
    const binding = JS_RESOLVERS[index];
    const resolver = resolvers[index];
    if (!binding || !resolver) return {};
    const outcome = await runJsResolver(resolver, { arguments: args, identity, info: { fieldName, parentTypeName: binding.typeName } }, binding.dataSource === 'JOB_TABLE' ? tableSource : noneDataSource);
    if (outcome.errors.length > 0) throw new SubscriptionRefusedError(outcome.errors.map((e) => ({ ...(e.errorType ? { errorType: e.errorType } : {}), message: e.message })));
    return outcome.subscriptionFilter ? { filter: outcome.subscriptionFilter } : {};
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops accepting connections and waits for in-flight requests; idle keep-alive sockets are closed. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** Things to close in reverse order of starting, each once, even when one fails. */
class Stack {
  readonly #items: { close(): Promise<void> }[] = [];
  #closing: Promise<void> | undefined;

  push<T extends { close(): Promise<void> }>(item: T): T {
    this.#items.push(item);
    return item;
  }

  closeAll(): Promise<void> {
    this.#closing ??= (async () => {
      for (const item of this.#items.reverse()) await item.close().catch(() => {});
    })();
    return this.#closing;
  }
}
