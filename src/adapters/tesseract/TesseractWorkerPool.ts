import { OcrClosedError, OcrEngineStartError, OcrTimeoutError } from './errors.ts';

/** What the pool needs of a worker: tesseract.js's Worker satisfies it. */
export interface PoolWorker {
  terminate(): Promise<unknown>;
}

export interface WorkerPoolOptions<W extends PoolWorker> {
  size: number;
  create: () => Promise<W>;
  startTimeoutMs: number;
  onDiscard?: (reason: 'timeout') => void;
}

interface Waiter<W> {
  resolve: (worker: W) => void;
  reject: (error: unknown) => void;
}

/**
 * A fixed-size pool of long-lived workers, created lazily on first demand (starting one costs
 * ~200 ms and ~100 MB, so never per job). Jobs beyond the pool size wait in a FIFO queue. A job that
 * times out has its worker terminated (tesseract.js offers no way to cancel a recognize) and a fresh
 * worker is started for the next job. `close()` rejects queued and running jobs and terminates all.
 */
export class TesseractWorkerPool<W extends PoolWorker> {
  private readonly idle: W[] = [];
  private readonly waiters: Waiter<W>[] = [];
  private readonly running = new Map<W, (error: unknown) => void>();
  private starting = 0;
  private readonly starts = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions<W>) {}

  /** Workers alive or starting. */
  get size(): number {
    return this.idle.length + this.running.size + this.starting;
  }

  /** Runs `job` on a pooled worker; rejects with OcrTimeoutError after `timeoutMs`. */
  async run<T>(job: (worker: W) => Promise<T>, timeoutMs: number): Promise<T> {
    const worker = await this.acquire();
    let timer: NodeJS.Timeout | undefined;
    const stopped = new Promise<never>((_, reject) => {
      this.running.set(worker, reject);
      timer = setTimeout(() => reject(new OcrTimeoutError(`OCR did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const result = await Promise.race([job(worker), stopped]);
      this.release(worker);
      return result;
    } catch (error) {
      // close() has already terminated the worker; an engine error on one image leaves it usable.
      if (error instanceof OcrTimeoutError) this.discard(worker);
      else if (!(error instanceof OcrClosedError)) this.release(worker);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new OcrClosedError());
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    for (const reject of this.running.values()) reject(new OcrClosedError());
    this.running.clear();
    // Workers still starting terminate themselves when they arrive (bounded by startTimeoutMs).
    await Promise.allSettled([...workers.map((w) => w.terminate()), ...this.starts]);
  }

  private acquire(): Promise<W> {
    if (this.closed) return Promise.reject(new OcrClosedError());
    return new Promise<W>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.dispatch();
    });
  }

  /** Hands idle workers to waiters, and starts workers while there is demand and room. */
  private dispatch(): void {
    while (this.waiters.length > 0 && this.idle.length > 0) {
      const worker = this.idle.pop() as W;
      this.running.set(worker, () => {});
      this.waiters.shift()?.resolve(worker);
    }
    const demand = this.waiters.length - this.starting;
    const room = this.options.size - this.size;
    for (let i = 0; i < Math.min(demand, room); i++) {
      const start = this.start().finally(() => this.starts.delete(start));
      this.starts.add(start);
    }
  }

  private async start(): Promise<void> {
    this.starting++;
    let worker: W | undefined;
    let failure: unknown;
    try {
      worker = await startWithTimeout(this.options.create, this.options.startTimeoutMs);
    } catch (error) {
      failure = error;
    }
    this.starting--;
    if (this.closed) {
      await worker?.terminate();
      return;
    }
    if (worker) {
      this.idle.push(worker);
      this.dispatch();
    } else {
      // One start failed: the oldest waiter learns why; the others keep waiting for other workers.
      this.waiters.shift()?.reject(failure);
      this.dispatch();
    }
  }

  private release(worker: W): void {
    this.running.delete(worker);
    if (this.closed) {
      void worker.terminate();
      return;
    }
    this.idle.push(worker);
    this.dispatch();
  }

  private discard(worker: W): void {
    this.running.delete(worker);
    this.options.onDiscard?.('timeout');
    void worker.terminate().catch(() => {});
    if (!this.closed) this.dispatch();
  }
}

/**
 * tesseract.js's createWorker never settles when its language data cannot load (the error goes to
 * `errorHandler` only), so the wait is bounded here. A worker that turns up after the deadline is
 * terminated; one that never does cannot be reached (tesseract.js keeps the thread private).
 */
async function startWithTimeout<W extends PoolWorker>(create: () => Promise<W>, timeoutMs: number): Promise<W> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const starting = create();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new OcrEngineStartError(`the OCR engine did not start within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  starting.then(
    (late) => {
      if (timedOut) void late.terminate();
    },
    () => {},
  );
  try {
    return await Promise.race([starting, deadline]);
  } catch (error) {
    if (error instanceof OcrEngineStartError) throw error;
    throw new OcrEngineStartError('the OCR engine failed to start', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
