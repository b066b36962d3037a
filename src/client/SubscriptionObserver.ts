/** Receives a subscription's events. */
export interface SubscriptionObserver<T> {
  /** Each `data` frame: the subscription's result, e.g. `{ onJobsUpdated: {...} }`. */
  next(data: T): void;
  /** The server refused or ended the subscription (HdmGraphQLError), or the connection failed (HdmRealtimeError). No more events follow. */
  error?(error: Error): void;
  /** The server completed the subscription, or the client was closed. No more events follow. */
  complete?(): void;
  /** After start_ack: updates published from now on are delivered (earlier ones are not, on AppSync too). */
  started?(): void;
}

export interface HdmSubscription {
  /** Stops the subscription (a `stop` frame); closes the socket when it was the last one. Idempotent. */
  unsubscribe(): void;
}
