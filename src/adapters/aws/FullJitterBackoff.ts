/** Retry settings shared by the AWS adapters; sleep and random are injectable so tests check delays without waiting. */
export interface BackoffOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): before
 * retry n (1-based) wait a random time in [0, min(maxDelayMs, baseDelayMs·2^(n-1))), so clients that were
 * throttled together do not retry together.
 */
export class FullJitterBackoff {
  readonly maxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;

  constructor(options: BackoffOptions, defaults: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number }) {
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? defaults.maxAttempts));
    this.#baseDelayMs = options.baseDelayMs ?? defaults.baseDelayMs;
    this.#maxDelayMs = options.maxDelayMs ?? defaults.maxDelayMs;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#random = options.random ?? Math.random;
  }

  /** Waits before retry number `attempt` (the attempt that just failed, 1-based). */
  wait(attempt: number): Promise<void> {
    return this.#sleep(this.#random() * Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** (attempt - 1)));
  }
}
