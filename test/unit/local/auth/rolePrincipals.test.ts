import { describe, expect, it } from 'vitest';
import { identityOf, LOCAL_IDENTITY_POOL_ID } from '../../../../local/auth/identityOf.ts';
import { LOCAL_WORKER_ROLE, localResolverEnv, localWorkerIdentity } from '../../../../local/auth/publisherRole.ts';
import { validatePrincipals } from '../../../../local/auth/validatePrincipals.ts';
import { ownerOf } from '../../../../src/core/Caller.ts';

/*
 * Principals that stand for role sessions (a Lambda function's role, an identity pool's authenticated role) and
 * for app users signed in through Cognito: the identity AppSync would hand a resolver for each.
 */

const base = { accessKeyId: 'AKIAEXAMPLE0000000001', secretAccessKey: 'secret' };
const ID_A = 'us-east-1:1a2b3c4d-0000-4000-8000-00000000000a';
const ID_B = 'us-east-1:1a2b3c4d-0000-4000-8000-00000000000b';

describe('validatePrincipals: role, sessionName, cognitoIdentityId', () => {
  it('accepts app users that share one role session and differ only in their Cognito identity', () => {
    const { principals, problems } = validatePrincipals([
      {
        ...base,
        name: 'app-user-a',
        role: 'HdmAppUsersAuthRole',
        sessionName: 'CognitoIdentityCredentials',
        cognitoIdentityId: ID_A,
      },
      {
        ...base,
        accessKeyId: 'AKIAEXAMPLE0000000002',
        name: 'app-user-b',
        role: 'HdmAppUsersAuthRole',
        sessionName: 'CognitoIdentityCredentials',
        cognitoIdentityId: ID_B,
        cognitoIdentityPoolId: 'us-east-1:0f0f0f0f-0000-4000-8000-000000000000',
      },
    ]);
    expect(problems).toEqual([]);
    expect(principals.map((p) => [p.role, p.sessionName, p.cognitoIdentityId])).toEqual([
      ['HdmAppUsersAuthRole', 'CognitoIdentityCredentials', ID_A],
      ['HdmAppUsersAuthRole', 'CognitoIdentityCredentials', ID_B],
    ]);
  });

  it('refuses Cognito and session fields without a role, and malformed values, naming each field and never a value', () => {
    const { principals, problems } = validatePrincipals([
      { ...base, name: 'a', sessionName: 'x1', cognitoIdentityId: ID_A },
      {
        ...base,
        accessKeyId: 'AKIAEXAMPLE0000000002',
        name: 'b',
        role: 'has/slash',
        sessionName: 'x',
        cognitoIdentityId: 'not-an-id',
        cognitoIdentityPoolId: 'us-east-1:abc',
      },
      { ...base, accessKeyId: 'AKIAEXAMPLE0000000003', name: 'c', role: 'R', cognitoIdentityPoolId: 'us-east-1:abc' },
    ]);
    expect(principals).toEqual([]);
    expect(problems).toEqual([
      '[0].sessionName: needs role (only role sessions have one)',
      "[0].cognitoIdentityId: needs role (identity pool credentials are a session of the pool's authenticated role)",
      '[1].role: must be an IAM role name (1-64 characters of letters, digits and +=,.@_-) when present',
      '[1].sessionName: must be 2-64 characters of letters, digits and +=,.@_- when present',
      '[1].cognitoIdentityId: must be a Cognito identity id, <region>:<uuid>, when present',
      '[2].cognitoIdentityPoolId: needs cognitoIdentityId',
    ]);
  });

  it('leaves a principal without these fields an IAM user, as before', () => {
    const { principals } = validatePrincipals([{ ...base, name: 'alice' }]);
    expect(principals[0]).not.toHaveProperty('role');
    expect(identityOf(principals[0]!, ['127.0.0.1']).userArn).toBe('arn:aws:iam::000000000000:user/alice');
  });
});

describe('identityOf for role sessions and app users', () => {
  const principal = { ...base, name: 'fn', accountId: '123456789012', allow: [] };

  it('gives a role session the assumed-role ARN STS gives it, with the name as the default session', () => {
    expect(identityOf({ ...principal, role: 'WorkerRole' }, ['10.0.0.1'])).toEqual({
      accountId: '123456789012',
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      sourceIp: ['10.0.0.1'],
      username: 'WorkerRole:fn',
      userArn: 'arn:aws:sts::123456789012:assumed-role/WorkerRole/fn',
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
    });
  });

  it('gives an app user the identity pool fields, and makes its cognitoIdentityId the owner, not the shared userArn', () => {
    const shared = { role: 'AuthRole', sessionName: 'CognitoIdentityCredentials' };
    const a = identityOf({ ...principal, name: 'a', ...shared, cognitoIdentityId: ID_A }, []);
    const b = identityOf({ ...principal, name: 'b', ...shared, cognitoIdentityId: ID_B }, []);
    expect(a).toMatchObject({
      cognitoIdentityId: ID_A,
      cognitoIdentityPoolId: LOCAL_IDENTITY_POOL_ID,
      cognitoIdentityAuthType: 'authenticated',
    });
    expect(a.userArn).toBe(b.userArn);
    expect([ownerOf(a), ownerOf(b)]).toEqual([ID_A, ID_B]);
  });

  it('makes the in-process worker a session of the local worker role, which is what the local environment names', () => {
    expect(localWorkerIdentity('000000000000').userArn).toBe(
      `arn:aws:sts::000000000000:assumed-role/${LOCAL_WORKER_ROLE}/worker`,
    );
    expect(localResolverEnv('000000000000')).toEqual({
      PUBLISHER_ROLE_NAMES: LOCAL_WORKER_ROLE,
      PUBLISHER_ACCOUNT_ID: '000000000000',
    });
  });
});
