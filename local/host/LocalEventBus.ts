import type { JobUpdate } from '../../src/core/Job.ts';

/** What the parts of the local host tell each other while they run; one payload type per event. */
export interface LocalEvents {
  /** The services' JobEvents.publish: a job changed. The resolvers part runs Mutation.publishJobUpdate on it. */
  jobUpdated: JobUpdate;
  /** The services' JobQueue.enqueue: a job id for the in-process worker (startJobWorker). */
  jobQueued: string;
  /** A mutation's result, for the subscriptions naming it in @aws_subscribe (the real-time part delivers it). */
  mutationResult: { field: string; result: unknown };
  /** The HTTP server listens at `origin`, where presigned URLs point (the services' presigner reads it). */
  listening: { origin: string };
}

type Handler<T> = (payload: T) => unknown;

/**
 * A typed, in-process event bus between the local host's parts. It breaks the wiring cycle (the services
 * publish through the real-time server, which needs the engine, which needs the services): each part takes the
 * bus once and subscribes to what it handles. emit() runs the handlers in subscription order and awaits each, so
 * the emitter sees a handler's failure (a refused publish is logged by the job, as on AppSync). An event nobody
 * handles yet is dropped: a job update before the real-time server exists, as AppSync drops an update nobody
 * subscribed to. startLocalApi subscribes the worker to `jobQueued` before anything can queue a job.
 */
export class LocalEventBus<Events extends object = LocalEvents> {
  readonly #handlers: { [K in keyof Events]?: Handler<Events[K]>[] } = {};

  on<K extends keyof Events>(event: K, handler: Handler<Events[K]>): void {
    (this.#handlers[event] ??= []).push(handler);
  }

  async emit<K extends keyof Events>(event: K, payload: Events[K]): Promise<void> {
    for (const handler of this.#handlers[event] ?? []) await handler(payload);
  }
}
