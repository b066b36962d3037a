import { HdmGraphQLError, HdmRealtimeError } from '../../src/client/index.ts';
import { required } from './dom.ts';

/** "errorType: message" for what the API answered; the message of anything else. Never any input text. */
export function describeError(error: unknown): string {
  if (error instanceof HdmGraphQLError) {
    const first = error.errors[0];
    if (first) return `${first.errorType ?? 'GraphQLError'}: ${first.message}`;
  }
  if (error instanceof HdmRealtimeError && error.errorType) return `${error.errorType}: ${error.message}`;
  // HdmHttpError's message already reads "HTTP 403 InvalidSignatureException: ...".
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The page's one role="alert" element. */
export class ErrorBanner {
  readonly #element: HTMLElement;

  constructor(root: ParentNode = document) {
    this.#element = required(root, '[data-testid="error"]');
  }

  show(error: unknown): void {
    this.#element.textContent = describeError(error);
    this.#element.hidden = false;
  }

  clear(): void {
    this.#element.textContent = '';
    this.#element.hidden = true;
  }
}
