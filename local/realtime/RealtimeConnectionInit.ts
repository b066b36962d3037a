import type { DecodedAuthHeader } from './decodeAuthHeader.ts';
import type { RealtimeHooks, RealtimeLogger } from './RealtimeHooks.ts';
import type { RealtimeSettings } from './RealtimeSettings.ts';
import type { RealtimeSocket } from './RealtimeSocket.ts';

/** What a RealtimeConnection is made with, by createRealtimeCore for each accepted socket. */
export interface RealtimeConnectionInit<P> {
  id: string;
  socket: RealtimeSocket;
  hooks: RealtimeHooks<P>;
  settings: RealtimeSettings;
  logger: RealtimeLogger;
  sourceIp: string;
  authHeader: DecodedAuthHeader;
  /** Told once, when the connection ends for any reason (the core unregisters it). */
  onClosed?: () => void;
  /**
   * Asked once the connection's principal is known: a release function when it may stay, undefined when
   * the principal already holds as many connections as allowed (refused with LimitExceededError).
   */
  admit?: (principal: P) => (() => void) | undefined;
}
