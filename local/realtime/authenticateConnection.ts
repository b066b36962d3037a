import type { DecodedAuthHeader } from './decodeAuthHeader.ts';
import { authErrorEntry, type AppSyncRealtimeError } from './errors.ts';
import type { RealtimeHooks } from './RealtimeHooks.ts';

export type AuthOutcome<P> = { ok: true; principal: P } | { ok: false; error: AppSyncRealtimeError };

/** The connect-time auth, settled once per connection: a hook's refusal becomes the error it answers with. */
export async function authenticateConnection<P>(
  hooks: RealtimeHooks<P>,
  header: DecodedAuthHeader,
  sourceIp: string,
): Promise<AuthOutcome<P>> {
  if (!header.ok) return { ok: false, error: header.error };
  try {
    return {
      ok: true,
      principal: await hooks.authenticateConnection(header.auth, { sourceIp }),
    };
  } catch (error) {
    return { ok: false, error: authErrorEntry(error) };
  }
}
