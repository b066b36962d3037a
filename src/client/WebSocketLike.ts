/** A handler property typed as a method, so both the DOM's and `ws`'s event types fit it (method bivariance). */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/**
 * The part of the WebSocket API the client uses, met by the browser's WebSocket, Node 22's global one and
 * `ws` (Node 20). Structural, because this package's types carry no DOM library.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onerror: Handler<unknown> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
}

export type WebSocketConstructorLike = new (url: string, protocols?: string | string[]) => WebSocketLike;
