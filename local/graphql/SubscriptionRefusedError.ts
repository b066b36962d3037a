/** Thrown by subscribe(): the errors a `start` is refused with. */
export class SubscriptionRefusedError extends Error {
  constructor(readonly errors: { errorType?: string; message: string }[]) {
    super(errors[0]?.message ?? 'subscription refused');
    this.name = 'SubscriptionRefusedError';
  }
}
