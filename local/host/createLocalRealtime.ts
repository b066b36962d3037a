import {
  identityOf,
  REALTIME_CONNECT_PATH,
  REALTIME_START_PATH,
  verifyRealtimeAuth,
  type Principal,
} from '../auth/index.ts';
import { SubscriptionRefusedError, type CallContext, type GraphQLEngine } from '../graphql/GraphQLEngine.ts';
import {
  createRealtimeServer,
  RealtimeSubscribeError,
  type RealtimeLogger,
  type RealtimeServer,
} from '../realtime/index.ts';
import type { LocalApiOptions } from '../LocalApi.ts';
import type { LocalAuth } from './loadLocalAuth.ts';
import type { LocalEventBus } from './LocalEventBus.ts';

interface RealtimeCaller {
  principal: Principal;
  sourceIp: string;
}

export interface LocalRealtimeParts {
  engine: GraphQLEngine;
  auth: LocalAuth;
  logger: RealtimeLogger;
  limits: NonNullable<LocalApiOptions['limits']>['realtime'];
  bus: LocalEventBus;
}

/**
 * AppSync's real-time protocol on the engine's subscriptions: the IAM signature checked on connect and on each
 * start, and every mutation result on the bus delivered to the subscriptions that accept it.
 */
export function createLocalRealtime({ engine, auth, logger, limits, bus }: LocalRealtimeParts): RealtimeServer {
  const { verifyOptions } = auth;
  const realtime = createRealtimeServer<RealtimeCaller>({
    logger,
    ...limits,
    // One key may not hold hundreds of sockets: connections are counted per principal.
    principalKey: (caller) => caller.principal.accessKeyId,
    hooks: {
      authenticateConnection: async (header, request) => ({
        principal: verifyRealtimeAuth(header, '{}', REALTIME_CONNECT_PATH, verifyOptions).principal,
        sourceIp: request.sourceIp,
      }),
      authenticateStart: async (header, data, connection) => ({
        principal: verifyRealtimeAuth(header, data, REALTIME_START_PATH, verifyOptions).principal,
        sourceIp: connection.sourceIp,
      }),
      subscribe: async (caller, request) => {
        const call: CallContext = {
          principal: caller.principal,
          identity: identityOf(caller.principal, [caller.sourceIp]),
          headers: {},
          domainName: null,
        };
        try {
          return await engine.subscribe(request, call);
        } catch (error) {
          if (error instanceof SubscriptionRefusedError)
            throw new RealtimeSubscribeError(
              error.errors.map((e) => ({ errorType: e.errorType ?? 'ValidationError', message: e.message })),
            );
          throw error;
        }
      },
    },
  });
  bus.on('mutationResult', ({ field, result }) => realtime.publish(field, result));
  return realtime;
}
