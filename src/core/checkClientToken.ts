import { InvalidInputError } from './errors.ts';

const CLIENT_TOKEN = /^[\x21-\x7e]{1,64}$/;

/** Client tokens follow AWS's rule for idempotency tokens: 1-64 printable ASCII characters. */
export function checkClientToken(token: string | null | undefined): string | undefined {
  if (token === null || token === undefined) return undefined;
  if (!CLIENT_TOKEN.test(token))
    throw new InvalidInputError('clientToken must be 1 to 64 printable ASCII characters without spaces');
  return token;
}
