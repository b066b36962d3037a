import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { ensureJobTable } from '../src/adapters/dynamodb/createJobTable.ts';
import { createLocalServices, type WiredServices } from '../src/services.ts';
import type { JobServices } from '../src/core/JobServices.ts';
import { MAX_IMAGE_BYTES, processJob } from '../src/core/processImageJob.ts';
import { UPLOAD_PREFIX } from '../src/core/uploadPrefix.ts';
import { LocalJobQueue } from './worker/LocalJobQueue.ts';
import { recoverJobs } from './worker/recoverJobs.ts';
import { startJobSweeper } from './worker/startJobSweeper.ts';
import type { JobUpdate } from '../src/core/Job.ts';
import { JS_RESOLVER_DIR, JS_RESOLVERS, type JsResolverBinding } from '../resolvers/appsync/jsResolvers.ts';
import { identityOf, isAllowed, loadPrincipals, localResolverEnv, localWorkerIdentity, servedHostNames, verifyRealtimeAuth, verifySigV4, REALTIME_CONNECT_PATH, REALTIME_START_PATH, type ApiCoordinates, type IamIdentity, type Principal } from './auth/index.ts';
import {
  createDynamoDbDataSource, loadJsResolver, matchesSubscriptionFilter, noneDataSource, runJsResolver,
  type JsDataSource, type JsResolver, type JsResolverInput, type JsResolverOutcome, type SubscriptionFilter,
} from './appsync-js/index.ts';
import { startDynalite } from './dynamodb/startDynalite.ts';
import { AppSyncFieldError } from './graphql/appSyncErrors.ts';
import { GraphQLEngine, SubscriptionRefusedError, type CallContext, type JsFieldResolver } from './graphql/GraphQLEngine.ts';
import { loadSchema } from './graphql/loadSchema.ts';
import { createJsonLogger } from './jsonLogger.ts';
import type { LocalApi, LocalApiOptions } from './LocalApi.ts';
import { createRealtimeServer, RealtimeSubscribeError, type RealtimeServer } from './realtime/index.ts';
import { createConsoleRoutes, isLoopbackHostname } from './console/consoleRoutes.ts';
import { createObjectGateway } from './s3/objectGateway.ts';
import { startS3rver } from './s3/startS3rver.ts';
import { createRequestListener } from './server/createRequestListener.ts';
import { preparePrivateDataDir, tightenDataDir } from './server/privateDataDir.ts';
import { createStoreSockets } from './server/storeSockets.ts';
import { applyServerLimits, DEFAULT_SERVER_LIMITS } from './server/applyServerLimits.ts';
import { loadOrCreateCertificate } from './tls/loadOrCreateCertificate.ts';

export type { LocalApi, LocalApiOptions } from './LocalApi.ts';

const API_ID = 'local';
/** The region presigned object URLs are signed for (the object gateway's, whatever the API's region). */
const OBJECT_REGION = 'us-east-1';

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
  // 0700 before anything is written into it; refuses to start when it stays open to other users.
  await preparePrivateDataDir(dataDir);

  const stack = new Stack();
  try {
    const { registry, principals, generated } = await loadPrincipals({ file: options.principalsFile ?? config.principalsFile, dataDir });
    const accountId = principals[0]?.accountId ?? '000000000000';
    const api: ApiCoordinates = { region, accountId, apiId: API_ID };
    // The stores on Unix sockets in a 0700 directory, never on TCP: they check no signature.
    const sockets = stack.push(await createStoreSockets(options.inMemory ? undefined : dataDir));
    const dynalite = stack.push(await startDynalite({ thread: true, socketPath: sockets.dynamoDb, ...(options.inMemory ? {} : { path: join(dataDir, 'dynamodb') }) }));
    const s3 = stack.push(await startS3rver({ socketPath: sockets.s3, ...(options.inMemory ? {} : { directory: join(dataDir, 's3') }), buckets: [config.bucket, config.outputBucket] }));
    // LevelDB and s3rver have just created their files with the default modes.
    await tightenDataDir(dataDir);
    // Uploads and downloads go through this server, which checks the presigned URLs s3rver would not.
    const gateway = stack.push(createObjectGateway({
      s3SocketPath: sockets.s3,
      region: OBJECT_REGION,
      uploads: { bucket: config.bucket, prefix: UPLOAD_PREFIX },
      downloads: { bucket: config.outputBucket },
      maxUploadBytes: MAX_IMAGE_BYTES,
      log: (entry) => logger.line(entry),
    }));

    const jsResolvers = await loadJsResolvers();
    // The services publish through the real-time server, which needs the engine, which needs the services.
    const late: { realtime?: RealtimeServer; services?: JobServices; runJsField?: JsFieldRunner; origin?: string } = {};
    // The image worker: in this process, bounded; the job records are the durable queue (recoverJobs).
    const queue = new LocalJobQueue({ concurrency: config.workerConcurrency, logger, process: (jobId) => processJob(late.services as JobServices, jobId) });
    const wired: WiredServices = createLocalServices({
      dynamoDbSocket: dynalite.socketPath as string,
      s3Socket: s3.socketPath as string,
      objectGateway: { endpoint: () => `${gatewayOrigin(late)}/s3`, region: OBJECT_REGION, credentials: gateway.key },
      tableName: config.tableName,
      bucket: config.bucket,
      recordTtlDays: config.recordTtlDays,
      syncTextLength: options.syncTextLength ?? config.syncTextLength,
      logger,
      // Locally the worker publishes in process, through the same publishJobUpdate resolver as on AppSync.
      events: { publish: async (update) => void (await publishJobUpdate(late, update, localWorkerIdentity(accountId))) },
      images: { outputBucket: config.outputBucket, fill: config.maskFill, queue },
    });
    late.services = wired.services;
    const runJsField = jsFieldRunner(jsResolvers, { NONE: noneDataSource, JOB_TABLE: createDynamoDbDataSource({ client: wired.dynamoDb, tableName: config.tableName }) }, localResolverEnv(accountId));
    late.runJsField = runJsField;
    stack.push({ close: () => wired.close() });
    stack.push(queue);
    await ensureJobTable(wired.dynamoDb, config.tableName);
    // Jobs the last process left open, then the AWS sweeper's rules every 5 minutes (src/core/sweepJobs.ts).
    const recovered = await recoverJobs(wired.services);
    if (recovered.requeued + recovered.failed > 0) logger.info('worker.recovered', recovered);
    stack.push(startJobSweeper(wired.services));

    const engine = new GraphQLEngine({
      schema: loadSchema(),
      services: wired.services,
      isAllowed: (principal, typeName, fieldName) => isAllowed(principal, typeName, fieldName, api),
      authorizeSubscription: subscriptionAuthorizer(runJsField),
      jsFieldResolvers: jsFieldResolvers(runJsField),
      matchesFilter: (filter, payload) => matchesSubscriptionFilter(filter as SubscriptionFilter, payload),
      onMutationResult: (field, result) => void late.realtime?.publish(field, result),
      limits: { queryDepth: config.queryDepthLimit, resolverCount: config.resolverCountLimit },
      maskInputs: { maxChars: config.maxRequestBytes },
    });
    // The advertised region first, then any others the configuration names.
    // The names a signature may be made for; the TLS certificate's names join once it is loaded below.
    let isServedHost = servedHostNames({ host: options.host ?? config.host });
    const verifyOptions = { principals: registry, regions: [region, ...config.regions.filter((r) => r !== region)], isServedHost: (name: string) => isServedHost(name) };
    const realtime = createRealtimeServer<RealtimeCaller>({
      logger,
      ...options.limits?.realtime,
      // One key may not hold hundreds of sockets: connections are counted per principal.
      principalKey: (caller) => caller.principal.accessKeyId,
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

    // Per start, like Jupyter's: only whoever sees the banner (or api.consoleUrl) gets the key pair in the console.
    const consoleToken = randomBytes(24).toString('base64url');
    const listener = createRequestListener({
      engine,
      authenticate: (request) => verifySigV4(request, verifyOptions).principal,
      identityOf,
      maxRequestBytes: config.maxRequestBytes,
      log: (entry) => logger.line(entry),
      serveObjects: (request, response) => gateway.serve(request, response),
      serveConsole: createConsoleRoutes({
        region,
        listensOnLoopback: isLoopbackHostname(options.host ?? config.host),
        ...(generated ? { defaultCredentials: generated } : {}),
        consoleToken,
        // Presigned URLs name the advertised origin: a page opened as localhost may still upload to 127.0.0.1.
        objectStoreOrigins: () => (late.origin ? [late.origin] : []),
      }),
    });
    const certificate = tls ? await loadOrCreateCertificate(dataDir, typeof tls === 'object' ? tls : undefined) : undefined;
    if (certificate) isServedHost = servedHostNames({ host: options.host ?? config.host, certificatePem: certificate.cert });
    // Checked every second, so a request timeout cuts a slow client off within a second of it (Node's default: 30 s).
    const serverOptions = { connectionsCheckingInterval: 1_000 };
    const server: Server = certificate ? createHttpsServer({ ...serverOptions, cert: certificate.cert, key: certificate.key }, listener) : createHttpServer(serverOptions, listener);
    applyServerLimits(server, { ...DEFAULT_SERVER_LIMITS, ...options.limits?.server });
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
    late.origin = origin;
    logger.info('api.started', { port, tls: Boolean(certificate), inMemory: Boolean(options.inMemory) });
    return {
      url: `${origin}/graphql`,
      realtimeUrl: `${origin.replace(/^http/, 'ws')}/graphql/realtime`,
      consoleUrl: `${origin}/#token=${consoleToken}`,
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

interface LoadedJsResolver {
  binding: JsResolverBinding;
  resolver: JsResolver;
}

/**
 * Loads the APPSYNC_JS resolvers once, at start, so no request waits for bundling; by `<Type>.<field>`.
 * Their APPSYNC_JS language check runs in the test suite (it loads the TypeScript parser, seconds of
 * start-up here).
 */
async function loadJsResolvers(): Promise<Map<string, LoadedJsResolver>> {
  const loaded = await Promise.all(JS_RESOLVERS.map(async (binding) => ({
    binding,
    resolver: await loadJsResolver(fileURLToPath(new URL(binding.file, JS_RESOLVER_DIR)), { checkAppSyncJs: false }),
  })));
  return new Map(loaded.map((entry) => [`${entry.binding.typeName}.${entry.binding.fieldName}`, entry]));
}

/** Runs the APPSYNC_JS resolver of `<Type>.<field>` on its data source; undefined when the field has none. */
type JsFieldRunner = (field: string, input: Omit<JsResolverInput, 'info'>) => Promise<JsResolverOutcome | undefined>;

function jsFieldRunner(resolvers: Map<string, LoadedJsResolver>, dataSources: Record<JsResolverBinding['dataSource'], JsDataSource>, env: Readonly<Record<string, string>>): JsFieldRunner {
  return async (field, input) => {
    const loaded = resolvers.get(field);
    if (!loaded) return undefined;
    const { binding, resolver } = loaded;
    // `env`: the API's environment variables (ctx.env), as the stack sets them on AppSync.
    return runJsResolver(resolver, { ...input, env, info: { fieldName: binding.fieldName, parentTypeName: binding.typeName } }, dataSources[binding.dataSource]);
  };
}

/** Runs a subscription field's APPSYNC_JS resolver: it refuses (util.unauthorized) or sets the filter. */
function subscriptionAuthorizer(runJsField: JsFieldRunner) {
  return async (fieldName: string, args: Record<string, unknown>, identity: IamIdentity): Promise<{ filter?: unknown }> => {
    const outcome = await runJsField(`Subscription.${fieldName}`, { arguments: args, identity });
    if (!outcome) return {};
    if (outcome.errors.length > 0) throw new SubscriptionRefusedError(outcome.errors.map((e) => ({ ...(e.errorType ? { errorType: e.errorType } : {}), message: e.message })));
    return outcome.subscriptionFilter ? { filter: outcome.subscriptionFilter } : {};
  };
}

/** The engine's resolvers for the fields other than subscriptions that have an APPSYNC_JS resolver. */
function jsFieldResolvers(runJsField: JsFieldRunner): Record<string, JsFieldResolver> {
  const fields = JS_RESOLVERS.filter((binding) => binding.typeName !== 'Subscription').map((binding) => `${binding.typeName}.${binding.fieldName}`);
  return Object.fromEntries(fields.map((field): [string, JsFieldResolver] => [field, async (event, call) => {
    const outcome = await runJsField(field, { arguments: event.arguments, identity: call.identity, source: event.source, request: event.request });
    // graphql-js reports one error per field: the last one stands for all (util.error and util.unauthorized,
    // which end the resolver, come last). Unlike AppSync, a result with appended errors is reported as the error.
    const ending = outcome?.errors.at(-1);
    if (ending) throw new AppSyncFieldError(ending.errorType ?? 'Unknown', ending.message);
    return outcome?.result ?? null;
  }]));
}

/**
 * The worker's publish, locally: the update goes through Mutation.publishJobUpdate's resolver, and its
 * result to the subscribers, as AppSync delivers a mutation's result. No field-level IAM check: on AWS the
 * worker's role is granted the field, and locally the worker runs in process. The resolver's own check still
 * runs: the worker publishes as a session of the local worker role, as a function does with its role on AWS.
 */
async function publishJobUpdate(late: { realtime?: RealtimeServer; runJsField?: JsFieldRunner }, update: JobUpdate, worker: IamIdentity): Promise<void> {
  const outcome = await late.runJsField?.('Mutation.publishJobUpdate', { arguments: { input: update }, identity: worker });
  // A refusal is a configuration fault, never the job's: the caller (publishStatus) logs it, the job goes on.
  if (outcome?.errors.length) throw new Error(`publishJobUpdate refused the worker (${outcome.errors.map((e) => e.errorType).join(', ')})`);
  if (!outcome || outcome.result === null) return;
  await late.realtime?.publish('publishJobUpdate', outcome.result);
}

/** The API's own origin, where presigned URLs point; known once the server listens, before any request. */
function gatewayOrigin(late: { origin?: string }): string {
  if (!late.origin) throw new Error('presigned URL requested before the server listens');
  return late.origin;
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
