// npm run bench -- [--notes 2000] [--doc-mb 1] [--min-time-ms 2000] [--json OUT]
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // the README notes the SDK's Node 22 plan once
// LocalPhiDetector speed on many short notes and on ~1 MB documents, cold start and memory.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticCorpus } from './syntheticCorpus.ts';
import { num, table } from './table.ts';
import { joinDocs, throughput, type Throughput } from './throughput.ts';
import { measureCli } from './measureCli.ts';
import { type ApiRun, measureApi } from './apiThroughput.ts';
import { formatImageBench, type ImageBenchResult, measureImages } from './imageBench.ts';

const HELP = `Usage: npm run bench -- [options]

  --notes N          synthetic notes for the short-note case (default 2000)
  --doc-mb X         size of each long document in MB of text (default 1)
  --long-docs N      number of long documents (default 2)
  --min-time-ms N    timed passes per case repeat until this much time has passed (default 2000)
  --min-score X      detector minimum score (default 0.5)
  --api-requests N   maskText requests per API case (default 300 for 1 KB notes; a fifth of it for 20 KB)
  --no-api           skip the API cases
  --no-images        skip the image cases (OCR, detector, redaction on generated 1 MP and 3 MP pages)
  --json OUT         also write the results as JSON
`;

const OPTIONS = {
  notes: { type: 'string', default: '2000' },
  'doc-mb': { type: 'string', default: '1' },
  'long-docs': { type: 'string', default: '2' },
  'min-time-ms': { type: 'string', default: '2000' },
  'min-score': { type: 'string', default: '0.5' },
  'api-requests': { type: 'string', default: '300' },
  'no-api': { type: 'boolean' },
  'no-images': { type: 'boolean' },
  json: { type: 'string' },
  help: { type: 'boolean' },
} as const;
const parsed = (() => {
  try {
    return parseArgs({ options: OPTIONS, strict: true });
  } catch (e) {
    console.error(`bench: ${(e as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
})();
const args = parsed.values;
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
const opt = (name: keyof typeof args): number => {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`bench: --${name} must be a non-negative number\n\n${HELP}`);
    process.exit(2);
  }
  return n;
};
const minTimeMs = opt('min-time-ms');
const minScore = opt('min-score');

const MB = 1024 * 1024;
const memory = () => ({ rssMB: process.memoryUsage().rss / MB, heapUsedMB: process.memoryUsage().heapUsed / MB });
const baseline = memory();

// Cold start: importing the module and the first construction load the dictionaries;
// a second construction shows what is cached after that.
let t0 = performance.now();
const { LocalPhiDetector } = await import('../src/detect/LocalPhiDetector.ts');
const importMs = performance.now() - t0;
t0 = performance.now();
const detector = new LocalPhiDetector();
const constructMs = performance.now() - t0;
t0 = performance.now();
new LocalPhiDetector();
const secondConstructMs = performance.now() - t0;
globalThis.gc?.();
const loaded = memory();

const notes = (await syntheticCorpus(opt('notes'))).map((d) => d.text);
const longDocs = joinDocs(notes, opt('doc-mb') * 1e6, opt('long-docs'));
const cases: Record<string, Throughput> = {
  'short notes': throughput(detector, notes, { minTimeMs, minScore }),
  'long documents': throughput(detector, longDocs, { minTimeMs, minScore }),
};
const peakRssMB = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
const cli = measureCli(notes, minScore);

console.log(`## LocalPhiDetector throughput (Node ${process.version}, one core, minScore ${minScore})\n`);
console.log(
  table(
    ['case', 'docs', 'MB/pass', 'passes', 'seconds', 'MB/s', 'MB/CPU-s', 'chars/s', 'ms/doc', 'entities/pass'],
    Object.entries(cases).map(([name, c]) => [
      name,
      num(c.docs),
      num(c.bytesPerPass / 1e6, 2),
      num(c.passes),
      num(c.seconds, 2),
      num(c.mbPerSec, 2),
      num(c.mbPerCpuSec, 2),
      num(c.charsPerSec),
      num(c.msPerDoc, 3),
      num(c.entitiesPerPass),
    ]),
  ),
);
console.log(
  '\nMB = 10^6 UTF-8 bytes. One untimed warm-up pass per case. MB/s is wall time; MB/CPU-s divides by the CPU time\nthe process used (user + system, GC threads included), which time taken away by a shared host does not inflate.\n',
);
console.log(`### End to end: \`hdm detect --jsonl\` on the short notes, in a fresh process\n`);
console.log(
  table(
    ['MB', 'notes', 'seconds (incl. start-up)', 'MB/s', 'peak RSS'],
    [[num(cli.bytes / 1e6, 2), num(cli.lines), num(cli.seconds, 2), num(cli.mbPerSec, 2), `${num(cli.peakRssMB)} MB`]],
  ),
);
console.log('');
console.log(
  table(
    ['start-up and memory', 'value'],
    [
      ['import detector module (incl. tsx transpile)', `${num(importMs, 1)} ms`],
      ['first construction (cold start)', `${num(constructMs, 1)} ms`],
      ['second construction', `${num(secondConstructMs, 2)} ms`],
      ['RSS / heap used before loading', `${num(baseline.rssMB)} MB / ${num(baseline.heapUsedMB)} MB`],
      ['RSS / heap used after loading', `${num(loaded.rssMB)} MB / ${num(loaded.heapUsedMB)} MB`],
      ['peak RSS of this bench process (incl. the corpus and the timed cases)', `${num(peakRssMB)} MB`],
    ],
  ),
);

let apiRuns: ApiRun[] = [];
if (!args['no-api']) {
  const requests = opt('api-requests');
  const oneKb = notes.map((n) => n.slice(0, 1000)).filter((n) => n.length === 1000);
  const twentyKb = joinDocs(notes, 20_000, 8).map((d) => d.slice(0, 20_000));
  apiRuns = [
    ...(await measureApi([{ bytes: 1000, texts: oneKb }], [1, 16], requests)),
    ...(await measureApi([{ bytes: 20_000, texts: twentyKb }], [1, 16], Math.max(20, Math.round(requests / 5)))),
  ];
  console.log(`\n## maskText over the local API (signed HTTP, DynamoDB on dynalite, ${process.version})\n`);
  console.log(
    table(
      ['note', 'concurrency', 'requests', 'seconds', 'requests/s', 'p50 ms', 'p99 ms', 'failures'],
      apiRuns.map((r) => [
        `${num(r.noteBytes / 1000)} KB`,
        num(r.concurrency),
        num(r.requests),
        num(r.seconds, 2),
        num(r.requestsPerSecond, 1),
        num(r.p50Ms, 1),
        num(r.p99Ms, 1),
        num(r.failures),
      ]),
    ),
  );
  console.log(
    '\nThe load generator signs with @smithy/signature-v4 in a worker thread; the API (HTTP, SigV4 check, GraphQL, detector,\nAWS SDK) runs on the main thread and dynalite in its own worker thread, as `npm start` runs them.',
  );
}

let images: ImageBenchResult | undefined;
if (!args['no-images']) {
  images = await measureImages({ minScore });
  console.log(`\n${formatImageBench(images)}`);
}

if (args.json) {
  fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
  const startup = { importMs, constructMs, secondConstructMs };
  fs.writeFileSync(
    args.json,
    JSON.stringify(
      {
        node: process.version,
        minScore,
        minTimeMs,
        startup,
        baseline,
        loaded,
        peakRssMB,
        cases,
        cli,
        api: apiRuns,
        images,
      },
      null,
      2,
    ),
  );
  console.error(`wrote ${args.json}`);
}
