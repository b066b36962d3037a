import { errorName } from './errors.ts';
import { serverMessage } from './messages.ts';
import type { ActiveSubscription, RealtimeLogger } from './RealtimeHooks.ts';
import type { RealtimeSocket } from './RealtimeSocket.ts';

/** One subscription of one connection, as a publish reaches it. */
export interface DeliveryTarget {
  connectionId: string;
  /** The client's subscription id. */
  id: string;
  sub: ActiveSubscription;
  /** False once the subscription was stopped or the connection closed. */
  isCurrent(): boolean;
  socket: RealtimeSocket;
  maxDataMessageBytes: number;
  log: RealtimeLogger;
}

/** Shapes one mutation result for a subscription and sends its `data` frame, unless skipped or too large. */
export async function deliverData(
  target: DeliveryTarget,
  field: string,
  payload: unknown,
): Promise<'sent' | 'skipped' | 'failed'> {
  const { connectionId, id, sub, log } = target;
  let data: Record<string, unknown> | undefined;
  try {
    data = await sub.deliver(field, payload);
  } catch (error) {
    log.error('realtime.deliver_failed', {
      connectionId,
      mutationField: field,
      error: errorName(error),
    });
    return 'failed';
  }
  // The subscription may have been stopped while deliver ran.
  if (data === undefined || !target.isCurrent()) return 'skipped';
  const text = JSON.stringify(serverMessage.data(id, data));
  if (Buffer.byteLength(text) > target.maxDataMessageBytes) {
    log.warn('realtime.data_too_large', {
      connectionId,
      mutationField: field,
      bytes: Buffer.byteLength(text),
    });
    return 'failed';
  }
  target.socket.send(text);
  return 'sent';
}
