import { DEFAULT_ALLOW } from './defaultAllow.ts';
import type { Principal } from './Principal.ts';

export const DEFAULT_ACCOUNT_ID = '000000000000';

const FIELDS = new Set(['name', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'accountId', 'allow']);
/** IAM user names: 1-64 of letters, digits and + = , . @ _ - (they end up in the userArn). */
const NAME = /^[\w+=,.@-]{1,64}$/;
/** IAM access key ids: 16-128 word characters (so never a '/', which would break the credential scope). */
const ACCESS_KEY_ID = /^\w{16,128}$/;
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Checks parsed principals JSON (`[{ name, accessKeyId, secretAccessKey, sessionToken?, accountId?,
 * allow? }]`) and returns every problem as `[index].field: what is wrong`, never a value: the file holds
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
  if (typeof name !== 'string' || !NAME.test(name)) problem('name', 'required, 1-64 characters of letters, digits and +=,.@_-');
  if (typeof accessKeyId !== 'string' || !ACCESS_KEY_ID.test(accessKeyId)) problem('accessKeyId', 'required, 16-128 letters, digits or _');
  if (typeof secretAccessKey !== 'string' || secretAccessKey.length === 0 || /\s/.test(secretAccessKey)) {
    problem('secretAccessKey', 'required, a non-empty string without whitespace');
  }
  if (sessionToken !== undefined && (typeof sessionToken !== 'string' || sessionToken.length === 0)) problem('sessionToken', 'must be a non-empty string when present');
  if (accountId !== undefined && (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId))) problem('accountId', 'must be 12 digits when present');
  if (allow !== undefined && (!Array.isArray(allow) || allow.some((item) => typeof item !== 'string' || item.length === 0))) {
    problem('allow', 'must be an array of non-empty strings when present');
  }
  return {
    name: String(name ?? ''),
    accessKeyId: String(accessKeyId ?? ''),
    secretAccessKey: String(secretAccessKey ?? ''),
    ...(typeof sessionToken === 'string' ? { sessionToken } : {}),
    accountId: typeof accountId === 'string' ? accountId : DEFAULT_ACCOUNT_ID,
    allow: Array.isArray(allow) ? allow.map(String) : [...DEFAULT_ALLOW],
  };
}

/** Two principals with one key id would make the signer ambiguous; with one name, one userArn (and owner). */
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
