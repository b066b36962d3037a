import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { IamResource, type IGraphqlApi } from 'aws-cdk-lib/aws-appsync';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { IdentityPool, UserPoolAuthenticationProvider } from 'aws-cdk-lib/aws-cognito-identitypool';
import { Construct } from 'constructs';

export interface AppUsersProps {
  api: IGraphqlApi;
  /** The fields a signed-in user may call, by type (the stack's CLIENT_FIELDS); never publishJobUpdate. */
  clientFields: Readonly<Record<string, readonly string[]>>;
  removalPolicy: RemovalPolicy;
}

/**
 * App users: a Cognito user pool to sign in to, and an identity pool that trades its tokens for temporary IAM
 * credentials of one authenticated role, granted the client fields. Every user's calls then carry
 * `identity.cognitoIdentityId`, the owner of their jobs; the role session they share (same userArn for all) is
 * not. No guests: the identity pool refuses unauthenticated identities. Users are created by an administrator
 * (no self sign-up); they sign in with e-mail and password, and MFA with an authenticator app (TOTP) is required.
 */
export class AppUsers extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly identityPool: IdentityPool;

  constructor(scope: Construct, id: string, props: AppUsersProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Clinical staff are invited (admin-create-user), not anyone who finds the sign-up page.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // TOTP only: SMS would need an SNS role with sns:Publish on "*" and carries SIM-swap risk.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, adaptive authentication) enforced, which cdk-nag's
      // AwsSolutions-COG8 asks for; it is billed per monthly active user above the Essentials plan.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy,
    });
    // A public client (browser, mobile app): no secret, SRP sign-in as Amplify does it, no hosted UI or OAuth.
    this.userPoolClient = this.userPool.addClient('AppClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    this.identityPool = new IdentityPool(this, 'IdentityPool', {
      allowUnauthenticatedIdentities: false,
      authenticationProviders: {
        userPools: [
          new UserPoolAuthenticationProvider({ userPool: this.userPool, userPoolClient: this.userPoolClient }),
        ],
      },
    });
    // The same grants as the example client role: each client field, by name, and nothing else.
    const role = this.identityPool.authenticatedRole;
    for (const [typeName, fields] of Object.entries(props.clientFields)) {
      props.api.grant(role, IamResource.ofType(typeName, ...fields), 'appsync:GraphQL');
    }

    // At stack level, so the outputs keep these plain names (cdk-outputs.json, the README).
    const stack = Stack.of(this);
    new CfnOutput(stack, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(stack, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(stack, 'IdentityPoolId', { value: this.identityPool.identityPoolId });
  }
}
