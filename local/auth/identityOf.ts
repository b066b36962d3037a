import type { IamIdentity, Principal } from './Principal.ts';

/** What a request proved: the principal whose key signed it. */
export interface VerifiedCaller {
  principal: Principal;
}

/**
 * The `identity` AppSync hands a resolver for an IAM caller that is an IAM user: no Cognito fields,
 * `userArn` `arn:aws:iam::<account>:user/<name>`, `sourceIp` the caller's address then X-Forwarded-For.
 */
export function identityOf(principal: Principal, sourceIps: string[]): IamIdentity {
  return {
    accountId: principal.accountId,
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp: [...sourceIps],
    username: principal.name,
    userArn: `arn:aws:iam::${principal.accountId}:user/${principal.name}`,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
}
