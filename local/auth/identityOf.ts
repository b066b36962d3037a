import type { IamIdentity, Principal } from './Principal.ts';

/** What a request proved: the principal whose key signed it. */
export interface VerifiedCaller {
  principal: Principal;
}

/** The identity pool local app users belong to when their entry names none. */
export const LOCAL_IDENTITY_POOL_ID = 'us-east-1:00000000-0000-4000-8000-000000000000';

/**
 * The `identity` AppSync hands a resolver for an IAM caller. An IAM user: no Cognito fields, `userArn`
 * `arn:aws:iam::<account>:user/<name>`. A role session (`role`): `userArn`
 * `arn:aws:sts::<account>:assumed-role/<role>/<session>`, and `username` `<role>:<session>` (AWS puts the role's
 * unique id, AROA…, before the colon; locally the role name stands in for it). A Cognito identity pool user
 * (`cognitoIdentityId`) adds the identity fields AppSync sets for such credentials; `cognitoIdentityAuthProvider`
 * (the user pool's sign-in, on AWS) stays null, as nothing here reads it. `sourceIp`: the caller's address, then
 * X-Forwarded-For.
 */
export function identityOf(principal: Principal, sourceIps: string[]): IamIdentity {
  const { accountId, role } = principal;
  const session = principal.sessionName ?? principal.name;
  const cognitoIdentityId = role ? (principal.cognitoIdentityId ?? null) : null;
  return {
    accountId,
    cognitoIdentityPoolId: cognitoIdentityId ? (principal.cognitoIdentityPoolId ?? LOCAL_IDENTITY_POOL_ID) : null,
    cognitoIdentityId,
    sourceIp: [...sourceIps],
    username: role ? `${role}:${session}` : principal.name,
    userArn: role ? assumedRoleArn(accountId, role, session) : `arn:aws:iam::${accountId}:user/${principal.name}`,
    cognitoIdentityAuthType: cognitoIdentityId ? 'authenticated' : null,
    cognitoIdentityAuthProvider: null,
  };
}

/** The ARN STS gives a role session, which AppSync passes on as `identity.userArn`. */
export function assumedRoleArn(accountId: string, role: string, session: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`;
}
