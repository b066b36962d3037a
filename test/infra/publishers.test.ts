import type { CfnElement } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { noneDataSource } from '../../local/appsync-js/JsDataSource.ts';
import { runJsResolver } from '../../local/appsync-js/runJsResolver.ts';
import { loadJsResolver } from '../../local/appsync-js/loadJsResolver.ts';
import type { IamIdentity } from '../../local/auth/Principal.ts';
import { synthTestStack, type TestStack } from './synthTestStack.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Who may publish job updates on AWS: the API's environment variables name the stack's function roles, and the
// deployed publishJobUpdate resolver accepts sessions of those roles only. The template's values are resolved here
// as CloudFormation would (a role's Ref is its name; logical ids stand in for the generated names), then the
// deployed bundle runs against sessions of each role of the stack.

type Cfn = string | { Ref?: string; 'Fn::Join'?: [string, Cfn[]] };
const ACCOUNT = '123456789012';

/** CloudFormation's Ref and Fn::Join, with a role's logical id as its name and the pseudo account above. */
function resolveCfn(value: Cfn): string {
  if (typeof value === 'string') return value;
  if (value.Ref === 'AWS::AccountId') return ACCOUNT;
  if (value.Ref) return value.Ref;
  if (value['Fn::Join']) return value['Fn::Join'][1].map(resolveCfn).join(value['Fn::Join'][0]);
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

const session = (role: string, name: string): IamIdentity => ({
  accountId: ACCOUNT,
  cognitoIdentityPoolId: null,
  cognitoIdentityId: null,
  sourceIp: ['10.0.0.1'],
  username: `AROAEXAMPLE:${name}`,
  userArn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${name}`,
  cognitoIdentityAuthType: null,
  cognitoIdentityAuthProvider: null,
});

function apiEnvironment(built: TestStack): Record<string, string> {
  const api = Object.values(built.template.findResources('AWS::AppSync::GraphQLApi'))[0];
  const variables = api?.Properties.EnvironmentVariables as Record<string, Cfn>;
  return Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, resolveCfn(value)]));
}

describe("publishJobUpdate on AWS: the stack's function roles only", () => {
  let built: TestStack;
  let dir: string;
  beforeAll(async () => {
    built = await synthTestStack({ exampleClientRole: true });
    dir = await mkdtemp(join(tmpdir(), 'hdm-pub-'));
    return () => rm(dir, { recursive: true, force: true });
  });

  const rolesOf = (built: TestStack) => Object.keys(built.template.findResources('AWS::IAM::Role'));

  it("names the API function's and the worker's roles (and only function roles), and the stack's account, in the API's environment variables", () => {
    const env = apiEnvironment(built);
    const functionRoles = Object.values(built.template.findResources('AWS::Lambda::Function')).map(
      (fn) => (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0],
    );
    const names = env.PUBLISHER_ROLE_NAMES?.split(',') ?? [];
    expect(names).toEqual(
      expect.arrayContaining(
        [built.stack.graphqlFunction.role, built.stack.workerFunction.role].map((role) =>
          built.stack.getLogicalId(role.node.defaultChild as CfnElement),
        ),
      ),
    );
    expect(functionRoles).toEqual(expect.arrayContaining(names));
    expect(new Set(names).size).toBe(names.length);
    expect(env.PUBLISHER_ACCOUNT_ID).toBe(ACCOUNT);
  });

  it('the deployed resolver accepts sessions of those roles and refuses every other role of the stack', async () => {
    const file = join(dir, 'Mutation.publishJobUpdate.js');
    await writeFile(file, built.jsResolverCode['Mutation.publishJobUpdate.ts'] ?? '');
    const resolver = await loadJsResolver(file, { checkAppSyncJs: false });
    const env = apiEnvironment(built);
    const input = {
      id: 'job-1',
      owner: 'us-east-1:1a2b3c4d-0000-4000-8000-000000000001',
      kind: 'IMAGE',
      status: 'SUCCEEDED',
      updatedAt: '2024-05-01T10:00:00.000Z',
    };
    const publishAs = async (identity: IamIdentity) =>
      (
        await runJsResolver(
          resolver,
          { arguments: { input }, identity, env, info: { fieldName: 'publishJobUpdate', parentTypeName: 'Mutation' } },
          noneDataSource,
        )
      ).errors.map((e) => e.errorType);
    const publishers = new Set(env.PUBLISHER_ROLE_NAMES?.split(','));
    const others = rolesOf(built).filter((role) => !publishers.has(role));
    expect(others.length).toBeGreaterThanOrEqual(5);
    for (const role of publishers) expect(await publishAs(session(role, 'fn')), role).toEqual([]);
    for (const role of others)
      expect(await publishAs(session(role, 'CognitoIdentityCredentials')), role).toEqual(['Unauthorized']);
  });

  it('grantPublish adds a function of the stack (e.g. a job sweeper) to the publishers and grants it the field', async () => {
    const extended = await synthTestStack(
      {},
      {
        extend: (stack) =>
          stack.grantPublish(
            new LambdaFunction(stack, 'Sweeper', {
              runtime: Runtime.NODEJS_22_X,
              handler: 'index.handler',
              code: Code.fromInline('exports.handler = async () => {};'),
            }),
          ),
      },
    );
    const sweeperRole = rolesOf(extended).find((id) => id.startsWith('SweeperServiceRole'));
    expect(apiEnvironment(extended).PUBLISHER_ROLE_NAMES?.split(',')).toContain(sweeperRole);
    const policies = Object.values(extended.template.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(`"${sweeperRole}"`),
    );
    expect(JSON.stringify(policies)).toContain('types/Mutation/fields/publishJobUpdate');
  });

  it("has no dependency cycle: the API names the roles, the roles' policies name the API", () => {
    const resources = built.template.toJSON().Resources as Record<string, { DependsOn?: string | string[] }>;
    const edges = (id: string): string[] => {
      const text = JSON.stringify(resources[id]);
      const refs = [
        ...text.matchAll(/"(?:Ref|Fn::GetAtt)":\["?([A-Za-z0-9]+)/g),
        ...text.matchAll(/"Ref":"([A-Za-z0-9]+)"/g),
      ].map((m) => m[1] as string);
      return [...new Set([...refs, ...[resources[id]?.DependsOn ?? []].flat()])].filter((ref) => ref in resources);
    };
    const state = new Map<string, 'visiting' | 'done'>();
    const cycle: string[] = [];
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done' || cycle.length > 0) return;
      if (state.get(id) === 'visiting') return void cycle.push(...path, id);
      state.set(id, 'visiting');
      for (const next of edges(id)) visit(next, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of Object.keys(resources)) visit(id, []);
    expect(cycle).toEqual([]);
  });
});
