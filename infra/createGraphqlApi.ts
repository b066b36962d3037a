import { join } from 'node:path';
import { Lazy, type RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { AuthorizationType, Definition, FieldLogLevel, GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type DeploymentSettings, requestLimits } from './DeploymentSettings.ts';
import { publisherEnvironment } from './loadJsResolverCode.ts';

export interface GraphqlApiProps {
  settings: DeploymentSettings;
  projectRoot: string;
  /** The stack's key: it encrypts the API's log group. */
  key: IKey;
  removalPolicy: RemovalPolicy;
  /** The roles whose sessions publishJobUpdate accepts, read at synth (grantPublish adds to it later). */
  publisherRoleNames: readonly string[];
}

export interface CreatedGraphqlApi {
  api: GraphqlApi;
  /** The role AppSync writes its field logs with: only to apiLogGroup. */
  apiLogsRole: Role;
  /** The group AppSync writes its field logs to (errors only, no bodies). */
  apiLogGroup: LogGroup;
}

/**
 * The AppSync API (IAM auth, schema.graphql) with its own log role and encrypted log group. It builds in the
 * stack's own scope, not in a construct of its own: a new scope would change every logical id below it, and
 * CloudFormation would replace the deployed API (and its URL).
 */
export function createGraphqlApi(stack: Stack, props: GraphqlApiProps): CreatedGraphqlApi {
  const { settings } = props;
  const apiLogsRole = new Role(stack, 'ApiLogsRole', {
    assumedBy: new ServicePrincipal('appsync.amazonaws.com'),
    description: "health-data-masking: AppSync writes the API's field logs to its own log group",
  });
  const api = new GraphqlApi(stack, 'Api', {
    name: 'health-data-masking',
    definition: Definition.fromFile(join(props.projectRoot, 'schema.graphql')),
    authorizationConfig: { defaultAuthorization: { authorizationType: AuthorizationType.IAM } },
    // Errors only, and never request or response bodies: those hold PHI.
    // Our own role: CDK's default has the AWS managed AWSAppSyncPushToCloudWatchLogs policy, on every log group.
    logConfig: { fieldLogLevel: FieldLogLevel.ERROR, excludeVerboseContent: true, role: apiLogsRole },
    xrayEnabled: settings.xray,
    // AppSync's request limits, the same as the local server's (src/config.ts, depth 15 and 1000 resolvers): one
    // request cannot hold the API. The local server's own rules (mask inputs, response fields) have no AppSync setting.
    ...requestLimits(settings),
  });
  // Who may publish job updates, for the publishJobUpdate resolver (ctx.env): filled in by grantPublish.
  const publishers = publisherEnvironment(
    stack.account,
    Lazy.string({ produce: () => props.publisherRoleNames.join(',') }),
  );
  for (const [name, value] of Object.entries(publishers)) api.addEnvironmentVariable(name, value);
  const apiLogGroup = ownApiLogGroup(stack, api, props.key, props.removalPolicy);
  // CreateLogStream and PutLogEvents on this one group; no CreateLogGroup, as the stack creates the group.
  apiLogGroup.grantWrite(apiLogsRole);
  return { api, apiLogsRole, apiLogGroup };
}

/**
 * With logConfig, GraphqlApi adds CDK's LogRetention helper: a Lambda function with an AWS managed policy and
 * logs:PutRetentionPolicy on "*". We remove it and create the group AppSync writes to ourselves, which also
 * lets us encrypt it with the stack's key. AppSync creates the group only when it first logs, after deploy.
 */
function ownApiLogGroup(stack: Stack, api: GraphqlApi, key: IKey, removalPolicy: RemovalPolicy): LogGroup {
  api.node.tryRemoveChild('LogRetention');
  for (const child of [...stack.node.children]) {
    if (child.node.id.startsWith('LogRetention')) stack.node.tryRemoveChild(child.node.id);
  }
  return new LogGroup(stack, 'ApiLogs', {
    logGroupName: `/aws/appsync/apis/${api.apiId}`,
    encryptionKey: key,
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy,
  });
}
