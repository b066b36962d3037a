import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { JS_RESOLVERS } from '../../resolvers/appsync/jsResolvers.ts';
import type { JobUpdate } from '../../src/core/Job.ts';
import type { JobServices } from '../../src/core/JobServices.ts';
import {
  createDynamoDbDataSource,
  matchesSubscriptionFilter,
  noneDataSource,
  type SubscriptionFilter,
} from '../appsync-js/index.ts';
import { isAllowed, localResolverEnv, localWorkerIdentity, type IamIdentity } from '../auth/index.ts';
import { AppSyncFieldError } from '../graphql/appSyncErrors.ts';
import { GraphQLEngine, SubscriptionRefusedError, type JsFieldResolver } from '../graphql/GraphQLEngine.ts';
import { loadSchema } from '../graphql/loadSchema.ts';
import { createJsFieldRunner, type JsFieldRunner } from './jsFieldRunner.ts';
import type { LocalAuth } from './loadLocalAuth.ts';
import type { LocalEventBus } from './LocalEventBus.ts';
import type { LocalSettings } from './LocalSettings.ts';

export interface LocalResolversParts {
  services: JobServices;
  /** The client of the job table, for the APPSYNC_JS resolvers' DynamoDB data source. */
  dynamoDb: DynamoDBClient;
  settings: LocalSettings;
  auth: LocalAuth;
  bus: LocalEventBus;
}

/**
 * The GraphQL engine with every resolver: the Lambda resolvers (resolvers/) on the services, and the APPSYNC_JS
 * ones (resolvers/appsync) on their data sources. Mutation results go on the bus for the subscriptions; job
 * updates from the bus go through Mutation.publishJobUpdate's resolver first, as the worker's do on AppSync.
 */
export async function createLocalResolvers({
  services,
  dynamoDb,
  settings,
  auth,
  bus,
}: LocalResolversParts): Promise<GraphQLEngine> {
  const dataSources = {
    NONE: noneDataSource,
    JOB_TABLE: createDynamoDbDataSource({ client: dynamoDb, tableName: settings.tableName }),
  };
  const runJsField = await createJsFieldRunner(dataSources, localResolverEnv(auth.accountId));
  bus.on('jobUpdated', (update) => publishJobUpdate(runJsField, bus, update, localWorkerIdentity(auth.accountId)));
  return new GraphQLEngine({
    schema: loadSchema(),
    services,
    isAllowed: (principal, typeName, fieldName) => isAllowed(principal, typeName, fieldName, auth.api),
    authorizeSubscription: subscriptionAuthorizer(runJsField),
    jsFieldResolvers: jsFieldResolvers(runJsField),
    matchesFilter: (filter, payload) => matchesSubscriptionFilter(filter as SubscriptionFilter, payload),
    onMutationResult: (field, result) => void bus.emit('mutationResult', { field, result }),
    limits: { queryDepth: settings.queryDepthLimit, resolverCount: settings.resolverCountLimit },
    maskInputs: { maxChars: settings.maxRequestBytes },
  });
}

/** Runs a subscription field's APPSYNC_JS resolver: it refuses (util.unauthorized) or sets the filter. */
function subscriptionAuthorizer(runJsField: JsFieldRunner) {
  return async (
    fieldName: string,
    args: Record<string, unknown>,
    identity: IamIdentity,
  ): Promise<{ filter?: unknown }> => {
    const outcome = await runJsField(`Subscription.${fieldName}`, { arguments: args, identity });
    if (!outcome) return {};
    if (outcome.errors.length > 0)
      throw new SubscriptionRefusedError(
        outcome.errors.map((e) => ({ ...(e.errorType ? { errorType: e.errorType } : {}), message: e.message })),
      );
    return outcome.subscriptionFilter ? { filter: outcome.subscriptionFilter } : {};
  };
}

/** The engine's resolvers for the fields other than subscriptions that have an APPSYNC_JS resolver. */
function jsFieldResolvers(runJsField: JsFieldRunner): Record<string, JsFieldResolver> {
  const fields = JS_RESOLVERS.filter((binding) => binding.typeName !== 'Subscription').map(
    (binding) => `${binding.typeName}.${binding.fieldName}`,
  );
  return Object.fromEntries(
    fields.map((field): [string, JsFieldResolver] => [
      field,
      async (event, call) => {
        const outcome = await runJsField(field, {
          arguments: event.arguments,
          identity: call.identity,
          source: event.source,
          request: event.request,
        });
        // graphql-js reports one error per field: the last one stands for all (util.error and util.unauthorized,
        // which end the resolver, come last). Unlike AppSync, a result with appended errors is reported as the error.
        const ending = outcome?.errors.at(-1);
        if (ending) throw new AppSyncFieldError(ending.errorType ?? 'Unknown', ending.message);
        return outcome?.result ?? null;
      },
    ]),
  );
}

/**
 * The worker's publish, locally: the update goes through Mutation.publishJobUpdate's resolver, and its
 * result to the subscribers, as AppSync delivers a mutation's result. No field-level IAM check: on AWS the
 * worker's role is granted the field, and locally the worker runs in process. The resolver's own check still
 * runs: the worker publishes as a session of the local worker role, as a function does with its role on AWS.
 */
async function publishJobUpdate(
  runJsField: JsFieldRunner,
  bus: LocalEventBus,
  update: JobUpdate,
  worker: IamIdentity,
): Promise<void> {
  const outcome = await runJsField('Mutation.publishJobUpdate', { arguments: { input: update }, identity: worker });
  // A refusal is a configuration fault, never the job's: the caller (publishStatus) logs it, the job goes on.
  if (outcome?.errors.length)
    throw new Error(`publishJobUpdate refused the worker (${outcome.errors.map((e) => e.errorType).join(', ')})`);
  if (!outcome || outcome.result === null) return;
  await bus.emit('mutationResult', { field: 'publishJobUpdate', result: outcome.result });
}
