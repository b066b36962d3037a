import { DEFAULT_ALLOW } from './defaultAllow.ts';
import type { Principal } from './Principal.ts';

export const DEFAULT_ACCOUNT_ID = '000000000000';

const FIELDS = new Set([
  'name',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  'accountId',
  'allow',
  'role',
  'sessionName',
  'cognitoIdentityId',
  'cognitoIdentityPoolId',
]);
/** IAM user names: 1-64 of letters, digits and + = , . @ _ - (they end up in the userArn). */
const NAME = /^[\w+=,.@-]{1,64}$/;
/** IAM access key ids: 16-128 word characters (so never a '/', which would break the credential scope). */
const ACCESS_KEY_ID = /^\w{16,128}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** IAM role names and STS session names: 1-64 (sessions 2-64) of the same characters as user names. */
const ROLE_NAME = NAME;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
/** Cognito identity and identity pool ids: `<region>:<uuid>` (AWS's pattern `[\w-]+:[0-9a-f-]+`, up to 55 characters). */
const COGNITO_ID = /^[\w-]+:[0-9a-f-]+$/;

/**
 * Checks parsed principals JSON (`[{ name, accessKeyId, secretAccessKey, sessionToken?, accountId?,
 * allow?, role?, sessionName?, cognitoIdentityId?, cognitoIdentityPoolId? }]`) and returns every problem as `[index].field: what is wrong`, never a value: the file holds
 * secrets. Returns the principals with defaults applied when there is no problem.
 */
export function validatePrincipals(data: unknown): { principals: Principal[]; problems: string[] } {
  if (!Array.isArray(data)) return { principals: [], problems: ['must be a JSON array of principals'] };
  if (data.length === 0) return { principals: [], problems: ['must list at least one principal'] };
  const problems: string[] = [];
  const principals = data.map((entry, index) => validateEntry(entry, `[${index}]`, problems));
  problems.push(...duplicates(principals, 'accessKeyId'), ...duplicates(principals, 'name'));
  return { principals: problems.length === 0 ? principals : [], problems };
}

function validateEntry(entry: unknown, at: string, problems: string[]): Principal {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${at}: must be an object`);
    return { name: '', accessKeyId: '', secretAccessKey: '', accountId: DEFAULT_ACCOUNT_ID, allow: [] };
  }
  const record = entry as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!FIELDS.has(key)) problems.push(`${at}.${key.slice(0, 40)}: unknown field`);
  }
  const problem = (field: string, rule: string) => problems.push(`${at}.${field}: ${rule}`);
  const { name, accessKeyId, secretAccessKey, sessionToken, accountId, allow } = record;
  if (typeof name !== 'string' || !NAME.test(name))
    problem('name', 'required, 1-64 characters of letters, digits and +=,.@_-');
  if (typeof accessKeyId !== 'string' || !ACCESS_KEY_ID.test(accessKeyId))
    problem('accessKeyId', 'required, 16-128 letters, digits or _');
  if (typeof secretAccessKey !== 'string' || secretAccessKey.length === 0 || /\s/.test(secretAccessKey)) {
    problem('secretAccessKey', 'required, a non-empty string without whitespace');
  }
  if (sessionToken !== undefined && (typeof sessionToken !== 'string' || sessionToken.length === 0))
    problem('sessionToken', 'must be a non-empty string when present');
  if (accountId !== undefined && (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)))
    problem('accountId', 'must be 12 digits when present');
  if (
    allow !== undefined &&
    (!Array.isArray(allow) || allow.some((item) => typeof item !== 'string' || item.length === 0))
  ) {
    problem('allow', 'must be an array of non-empty strings when present');
  }
  return {
    name: String(name ?? ''),
    accessKeyId: String(accessKeyId ?? ''),
    secretAccessKey: String(secretAccessKey ?? ''),
    ...(typeof sessionToken === 'string' ? { sessionToken } : {}),
    accountId: typeof accountId === 'string' ? accountId : DEFAULT_ACCOUNT_ID,
    allow: Array.isArray(allow) ? allow.map(String) : [...DEFAULT_ALLOW],
    ...validateRoleSession(record, problem),
  };
}

/** `role`, `sessionName`, `cognitoIdentityId`, `cognitoIdentityPoolId`: the last three only with a role, as on AWS. */
function validateRoleSession(
  record: Record<string, unknown>,
  problem: (field: string, rule: string) => void,
): Partial<Principal> {
  const { role, sessionName, cognitoIdentityId, cognitoIdentityPoolId } = record;
  const session: Partial<Principal> = {};
  if (role !== undefined) {
    if (typeof role === 'string' && ROLE_NAME.test(role)) session.role = role;
    else problem('role', 'must be an IAM role name (1-64 characters of letters, digits and +=,.@_-) when present');
  }
  const needsRole = (field: string, why: string) => role === undefined && problem(field, `needs role (${why})`);
  if (sessionName !== undefined) {
    needsRole('sessionName', 'only role sessions have one');
    if (typeof sessionName === 'string' && SESSION_NAME.test(sessionName)) session.sessionName = sessionName;
    else problem('sessionName', 'must be 2-64 characters of letters, digits and +=,.@_- when present');
  }
  if (cognitoIdentityId !== undefined) {
    needsRole('cognitoIdentityId', "identity pool credentials are a session of the pool's authenticated role");
    if (typeof cognitoIdentityId === 'string' && cognitoIdentityId.length <= 55 && COGNITO_ID.test(cognitoIdentityId))
      session.cognitoIdentityId = cognitoIdentityId;
    else problem('cognitoIdentityId', 'must be a Cognito identity id, <region>:<uuid>, when present');
  }
  if (cognitoIdentityPoolId !== undefined) {
    if (cognitoIdentityId === undefined) problem('cognitoIdentityPoolId', 'needs cognitoIdentityId');
    if (
      typeof cognitoIdentityPoolId === 'string' &&
      cognitoIdentityPoolId.length <= 55 &&
      COGNITO_ID.test(cognitoIdentityPoolId)
    )
      session.cognitoIdentityPoolId = cognitoIdentityPoolId;
    else problem('cognitoIdentityPoolId', 'must be a Cognito identity pool id, <region>:<uuid>, when present');
  }
  return session;
}

/**
 * Two principals with one key id would make the signer ambiguous; with one name, one IAM user's userArn (and
 * owner). Role sessions may share a userArn on purpose (`sessionName`), as app users of one identity pool do:
 * their `cognitoIdentityId` then tells them apart.
 */
function duplicates(principals: Principal[], field: 'accessKeyId' | 'name'): string[] {
  const firstAt = new Map<string, number>();
  const problems: string[] = [];
  principals.forEach((principal, index) => {
    const value = principal[field];
    if (value === '') return;
    const first = firstAt.get(value);
    if (first === undefined) firstAt.set(value, index);
    else problems.push(`[${index}].${field}: same as [${first}].${field}`);
  });
  return problems;
}
