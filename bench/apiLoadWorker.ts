// Runs in a worker thread: the load generator signs and sends requests on its own core, so the server's
// event loop is measured, not the client's signing.
import { parentPort, workerData } from 'node:worker_threads';
import { signedGraphQL, type SigningCredentials } from './signedGraphQL.ts';

interface Job {
  url: string;
  region: string;
  credentials: SigningCredentials;
  query: string;
  texts: string[];
  concurrency: number;
  requests: number;
  warmup: number;
}

const job = workerData as Job;
const call = (text: string) =>
  signedGraphQL(job.url, job.region, job.credentials, { query: job.query, variables: { input: { text } } });

for (let i = 0; i < job.warmup; i++) await call(job.texts[i % job.texts.length] as string);
const latencies: number[] = [];
let failures = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    while (next < job.requests) {
      const text = job.texts[next++ % job.texts.length] as string;
      const t0 = performance.now();
      const { status, json } = await call(text);
      latencies.push(performance.now() - t0);
      const result = (json as { data?: { maskText?: { status?: string } } }).data?.maskText;
      if (status !== 200 || result?.status !== 'SUCCEEDED') failures++;
    }
  }),
);
parentPort?.postMessage({ seconds: (performance.now() - started) / 1000, latencies, failures });
