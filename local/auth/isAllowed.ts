import type { ApiCoordinates, Principal } from './Principal.ts';

/** `Type.field` with optional wildcards: a convenience for "this field of this API". */
const SHORT_FORM = /^[A-Za-z_*?][\w*?]*\.[\w*?]+$/;

/** The ARN IAM checks `appsync:GraphQL` against for one field. */
export function fieldArn(api: ApiCoordinates, typeName: string, fieldName: string): string {
  return `arn:aws:appsync:${api.region}:${api.accountId}:apis/${api.apiId}/types/${typeName}/fields/${fieldName}`;
}

/**
 * Whether the principal may resolve `typeName.fieldName`, IAM style: true when one `allow` entry matches
 * the field's ARN, where `*` matches any run of characters (slashes and colons too) and `?` exactly one,
 * case-sensitively, as IAM matches Resource. `*` alone allows everything. An entry in the short form
 * `Type.field` (wildcards allowed: `Query.*`) stands for that field of *this* API. No Deny statements:
 * whatever is not allowed is refused.
 */
export function isAllowed(
  principal: Pick<Principal, 'allow'>,
  typeName: string,
  fieldName: string,
  api: ApiCoordinates,
): boolean {
  const arn = fieldArn(api, typeName, fieldName);
  return principal.allow.some((entry) => globMatch(expand(entry, api), arn));
}

function expand(entry: string, api: ApiCoordinates): string {
  if (!SHORT_FORM.test(entry)) return entry;
  const dot = entry.indexOf('.');
  return fieldArn(api, entry.slice(0, dot), entry.slice(dot + 1));
}

/**
 * Glob match with `*` and `?`, linear backtracking on the last star: no RegExp, so no pattern can make it
 * slow, and no character of an ARN is special.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      starText = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
