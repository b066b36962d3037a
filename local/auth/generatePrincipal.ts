import { randomInt } from 'node:crypto';
import type { Principal } from './Principal.ts';
import { DEFAULT_ALLOW } from './defaultAllow.ts';
import { DEFAULT_ACCOUNT_ID } from './validatePrincipals.ts';

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** The characters AWS secret access keys are drawn from (base64's). */
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomString(alphabet: string, length: number): string {
  // randomInt is uniform (no modulo bias) and backed by the CSPRNG.
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A fresh long-term key pair shaped like AWS's: `AKIA` + 16 upper-case alphanumerics, a 40-character secret. */
export function generatePrincipal(name = 'local-developer'): Principal {
  return {
    name,
    accessKeyId: `AKIA${randomString(KEY_ID_ALPHABET, 16)}`,
    secretAccessKey: randomString(SECRET_ALPHABET, 40),
    accountId: DEFAULT_ACCOUNT_ID,
    allow: [...DEFAULT_ALLOW],
  };
}
