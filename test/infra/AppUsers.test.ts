import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_FIELDS } from '../../infra/HealthDataMaskingStack.ts';
import { synthTestStack, type TestStack } from './synthTestStack.ts';

// App users (setting appUsers, on by default): a Cognito user pool and an identity pool whose authenticated role
// may call the client fields and nothing else; no guests. The owner of a user's jobs is then its
// cognitoIdentityId (resolvers/ResolverEvent.ts callerOf, src/core/Caller.ts ownerOf; test/integration/local/appUsers.test.ts).

type Statement = { Action: string | string[]; Resource: unknown };

describe('AppUsers', () => {
  let built: TestStack;
  beforeAll(async () => {
    built = await synthTestStack();
  });

  it('has a user pool for invited users only, with TOTP MFA required, a strong password policy and enforced threat protection', () => {
    built.template.resourceCountIs('AWS::Cognito::UserPool', 1);
    built.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
    built.template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('has one public app client: no secret, SRP sign-in, no OAuth, no user existence errors', () => {
    built.template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    built.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
  });

  it('has an identity pool that trusts that client, with unauthenticated identities disabled', () => {
    const [clientId] = Object.keys(built.template.findResources('AWS::Cognito::UserPoolClient'));
    built.template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [Match.objectLike({ ClientId: { Ref: clientId }, ServerSideTokenCheck: true })],
    });
  });

  it('lets only authenticated identities of this pool assume the authenticated role, which may call exactly the client fields', () => {
    const [poolId] = Object.keys(built.template.findResources('AWS::Cognito::IdentityPool'));
    const attachment = Object.values(built.template.findResources('AWS::Cognito::IdentityPoolRoleAttachment'))[0];
    const roleId = (attachment?.Properties.Roles as { authenticated: { 'Fn::GetAtt': [string, string] } })
      .authenticated['Fn::GetAtt'][0];
    const role = built.template.findResources('AWS::IAM::Role')[roleId];
    expect(role?.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: poolId } },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        },
      ],
    });
    const statements = Object.values(built.template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    expect(new Set(statements.flatMap((statement) => [statement.Action].flat()))).toEqual(new Set(['appsync:GraphQL']));
    const fields = statements.flatMap(
      (statement) => JSON.stringify(statement.Resource).match(/types\/\w+\/fields\/\w+/g) ?? [],
    );
    const expected = Object.entries(CLIENT_FIELDS).flatMap(([type, names]) =>
      names.map((name) => `types/${type}/fields/${name}`),
    );
    expect(fields.sort()).toEqual(expected.sort());
    expect(fields).not.toContain('types/Mutation/fields/publishJobUpdate');
  });

  it('outputs the user pool, client and identity pool ids for app configuration', () => {
    const outputs = built.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const refOf = (type: string) => ({ Ref: Object.keys(built.template.findResources(type))[0] });
    expect(outputs.UserPoolId?.Value).toEqual(refOf('AWS::Cognito::UserPool'));
    expect(outputs.UserPoolClientId?.Value).toEqual(refOf('AWS::Cognito::UserPoolClient'));
    expect(outputs.IdentityPoolId?.Value).toEqual(refOf('AWS::Cognito::IdentityPool'));
  });

  it('keeps cdk-nag clean: AwsSolutions COG1, COG2, COG7 and COG8 are met, not acknowledged', () => {
    for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()]) {
      expect(pack.validateScope(built.app).violations).toEqual([]);
    }
    const acknowledged = built.stack
      .appUsers!.node.findAll()
      .flatMap((construct) =>
        construct.node.metadata
          .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
          .flatMap((entry) => Object.keys(entry.data as Record<string, unknown>)),
      );
    expect(acknowledged.filter((rule) => rule.includes('COG'))).toEqual([]);
  });

  it('is left out with appUsers=false: no Cognito resource, no app user role, no outputs for it', async () => {
    const { template, app } = await synthTestStack({ appUsers: false });
    for (const type of [
      'AWS::Cognito::UserPool',
      'AWS::Cognito::UserPoolClient',
      'AWS::Cognito::IdentityPool',
      'AWS::Cognito::IdentityPoolRoleAttachment',
    ]) {
      template.resourceCountIs(type, 0);
    }
    // Only the identity pool's two roles go (authenticated, and the unauthenticated one no identity can assume).
    expect(Object.keys(template.findResources('AWS::IAM::Role')).length).toBe(
      Object.keys(built.template.findResources('AWS::IAM::Role')).length - 2,
    );
    expect(Object.keys(template.toJSON().Outputs as object)).not.toContain('UserPoolId');
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
  });
});
