import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalApi } from '../local/startLocalApi.ts';
import { Worker } from 'node:worker_threads';

export interface ApiRun {
  noteBytes: number;
  concurrency: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

const MASK_TEXT = 'mutation($input: MaskTextInput!) { maskText(input: $input) { id status maskedText findingCount } }';

/**
 * maskText over real HTTP with SigV4, against the local API started in this process (in-memory stores).
 * Each case runs `requests` calls with `concurrency` in flight, after a warm-up.
 */
export async function measureApi(
  notes: { bytes: number; texts: string[] }[],
  concurrencies: number[],
  requests: number,
): Promise<ApiRun[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hdm-bench-'));
  const api = await startLocalApi({ port: 0, dataDir, inMemory: true, log: () => {} });
  try {
    const principal = api.generatedPrincipal ?? api.principals[0];
    if (!principal) throw new Error('no principal');
    const runs: ApiRun[] = [];
    for (const { bytes, texts } of notes) {
      for (const [i, concurrency] of concurrencies.entries()) {
        const job = {
          url: api.url,
          region: api.region,
          credentials: { accessKeyId: principal.accessKeyId, secretAccessKey: principal.secretAccessKey },
          query: MASK_TEXT,
          texts,
          concurrency,
          requests,
          warmup: i === 0 ? 40 : 10,
        };
        runs.push({ noteBytes: bytes, concurrency, ...summarize(await runWorker(job), requests) });
      }
    }
    return runs;
  } finally {
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface WorkerResult {
  seconds: number;
  latencies: number[];
  failures: number;
}

function runWorker(job: unknown): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./apiLoadWorker.mjs', import.meta.url), { workerData: job });
    worker.once('message', (result: WorkerResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
}

function summarize({ seconds, latencies, failures }: WorkerResult, requests: number) {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests, seconds, requestsPerSecond: requests / seconds, p50Ms: at(0.5), p99Ms: at(0.99), failures };
}
