// npm run eval -- [--corpus FILE.jsonl] [--pred FILE.jsonl] [--min-score 0.5] [--json OUT] [--details N]
// Scores LocalPhiDetector (or a prediction file) on a gold corpus; see --help.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LocalPhiDetector } from '../src/detect/LocalPhiDetector.ts';
import { detectAll } from './detectAll.ts';
import { evaluate, formatReport } from './evaluate.ts';
import { JsonlError } from './jsonl.ts';
import { readCorpus, readPredictions } from './readCorpus.ts';
import type { PredSpan } from './score.ts';
import { formatDetails, spanDetails } from './spanDetails.ts';
import { HELD_OUT_SEED, syntheticCorpus } from './syntheticCorpus.ts';
import { num } from './table.ts';

const HELP = `Usage: npm run eval -- [options]

  --corpus FILE      gold corpus JSONL {id, text, spans:[{start,end,type}], style?}
                     (default: a held-out synthetic corpus, seed ${HELD_OUT_SEED}, --count docs)
  --count N          synthetic docs to generate (default 800)
  --seed N           synthetic corpus seed (default ${HELD_OUT_SEED}; the tests use another)
  --pred FILE        score these predictions {id, spans:[{start,end,type?}]} instead of running the detector
  --min-score X      detector minimum score (default 0.5)
  --count-whitespace count whitespace characters in character-level scores
  --json OUT         also write the scores as JSON (no corpus text)
  --details N        print up to N leaked and N spurious spans with 30 characters of context.
                     Synthetic corpora only: it prints corpus text, so never use it on real PHI.
`;

const OPTIONS = {
  corpus: { type: 'string' }, pred: { type: 'string' }, count: { type: 'string', default: '800' },
  seed: { type: 'string', default: String(HELD_OUT_SEED) }, 'min-score': { type: 'string', default: '0.5' },
  'count-whitespace': { type: 'boolean' }, json: { type: 'string' }, details: { type: 'string' }, help: { type: 'boolean' },
} as const;

function usage(message: string): never {
  console.error(`eval: ${message}\n\n${HELP}`);
  process.exit(2);
}

function numberOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) usage(`--${name} must be a number in [${min}, ${max}]`);
  return n;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (e) {
    usage((e as Error).message);
  }
  if (args.help) return void console.log(HELP);
  const minScore = numberOption(args['min-score'], 'min-score', 0, 1)!;
  const details = numberOption(args.details, 'details', 0, 1e6);
  const count = numberOption(args.count, 'count', 1, 1e6)!;
  const seed = numberOption(args.seed, 'seed', 0, 2 ** 32)!;

  const { docs, warnings } = args.corpus ? readCorpus(args.corpus) : { docs: await syntheticCorpus(count, seed), warnings: [] };
  for (const w of warnings) console.error(`warning: ${w}`);
  if (details && args.corpus) console.error('warning: --details prints corpus text; use it only on synthetic corpora.');

  let preds: Map<string, PredSpan[]>;
  let timing = '';
  let timingJson = {};
  if (args.pred) {
    const p = readPredictions(args.pred, docs);
    for (const w of p.warnings) console.error(`warning: ${w}`);
    preds = p.byId;
  } else {
    const t0 = performance.now();
    const detector = new LocalPhiDetector();
    const constructMs = performance.now() - t0;
    const run = detectAll(detector, docs, minScore);
    preds = run.byId;
    timingJson = { constructMs, detectMs: run.ms, charsPerSec: run.chars / (run.ms / 1000) };
    timing = `Detection: ${num(run.ms)} ms for ${num(run.chars)} chars (${num(run.chars / (run.ms / 1000))} chars/s, one cold pass; ` +
      `npm run bench for throughput). Detector construction: ${num(constructMs, 1)} ms.`;
  }

  const report = evaluate(docs, preds, { countWhitespace: !!args['count-whitespace'] });
  const source = args.corpus ? path.basename(args.corpus) : `synthetic corpus (seed ${seed}, ${count} docs)`;
  const system = args.pred ? `predictions ${path.basename(args.pred)}` : `LocalPhiDetector, minScore ${minScore}`;
  console.log(`## PHI evaluation: ${system} on ${source}\n`);
  if (timing) console.log(timing);
  console.log(formatReport(report));
  if (details) console.log('\n' + formatDetails(spanDetails(docs, preds, details)));
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(args.json, JSON.stringify({ source, system, minScore, timing: timingJson, ...report }, null, 2));
    console.error(`wrote ${args.json}`);
  }
}

/** Bad or missing input files are user errors: say where, without a stack trace or their text. */
function fail(e: unknown): never {
  if (e instanceof JsonlError) console.error(`eval: bad input: ${e.message}`);
  else if (e instanceof Error && 'code' in e && 'path' in e) console.error(`eval: ${e.message}`); // fs errors
  else console.error(e);
  process.exit(1);
}

main().catch(fail);
