// npm run eval -- [--kind synthetic|shorthand|both] [--corpus FILE.jsonl] [--pred FILE.jsonl] [--min-score 0.5] [--json OUT] [--details N]
// Scores LocalPhiDetector (or a prediction file) on gold corpora; see --help.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadLexicon } from '../src/detect/Lexicon.ts';
import { LocalPhiDetector } from '../src/detect/LocalPhiDetector.ts';
import { lexicons } from './shorthandCorpus/lexicons.ts';
import { detectAll, type SyncDetector } from './detectAll.ts';
import { evaluate, formatReport } from './evaluate.ts';
import { JsonlError } from './jsonl.ts';
import { formatSweep, minScoreSweep, type SweepRow } from './minScoreSweep.ts';
import { readCorpus, readPredictions } from './readCorpus.ts';
import type { GoldDoc, PredSpan } from './score.ts';
import { formatDetails, spanDetails } from './spanDetails.ts';
import {
  CORPUS_KINDS,
  generatedCorpus,
  HELD_OUT_SEED,
  heldOutSeed,
  SHORTHAND_HELD_OUT_SEED,
  type CorpusKind,
} from './syntheticCorpus.ts';
import { num } from './table.ts';

const HELP = `Usage: npm run eval -- [options]

  --kind K           which held-out generated corpus to score: synthetic (bench/corpus, seed ${HELD_OUT_SEED}),
                     shorthand (bench/shorthandCorpus: ICU shorthand and vocabulary the detector's authors did
                     not choose, seed ${SHORTHAND_HELD_OUT_SEED}) or both (default). Ignored with --corpus.
  --corpus FILE      gold corpus JSONL {id, text, spans:[{start,end,type}], style?} instead of a generated one
  --count N          docs to generate per corpus (default 800)
  --seed N           generator seed (default: each kind's held-out seed; the tests use others)
  --pred FILE        score these predictions {id, spans:[{start,end,type?}]} instead of running the detector
                     (one corpus only: --corpus, or --kind synthetic|shorthand; without either, synthetic)
  --min-score X      detector minimum score (default 0.5)
  --sweep            with --corpus, also print the min-score table (generated corpora always get it)
  --count-whitespace count whitespace characters in character-level scores
  --json OUT         also write the scores as JSON (no corpus text)
  --details N        print up to N leaked and N spurious spans with 30 characters of context.
                     Generated corpora only: it prints corpus text, so never use it on real PHI.

Running the detector, each corpus also gets a table of entity-level, type-agnostic P / R and leak rate at
min scores 0.3, 0.5, 0.7, 0.85 and 0.95.
`;

const OPTIONS = {
  kind: { type: 'string' },
  corpus: { type: 'string' },
  pred: { type: 'string' },
  count: { type: 'string', default: '800' },
  seed: { type: 'string' },
  'min-score': { type: 'string', default: '0.5' },
  sweep: { type: 'boolean' },
  'count-whitespace': { type: 'boolean' },
  json: { type: 'string' },
  details: { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

interface Source {
  label: string;
  docs: GoldDoc[];
  generated: boolean;
  kind?: CorpusKind;
}

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

/** --pred names one corpus's ids, so it keeps the old default (synthetic) instead of both. */
function kinds(args: Args): readonly CorpusKind[] {
  const kind = args.kind ?? (args.pred ? 'synthetic' : 'both');
  if (kind === 'both') {
    if (args.pred && !args.corpus) usage('--pred scores one corpus: add --kind synthetic|shorthand or --corpus');
    return CORPUS_KINDS;
  }
  if (!(CORPUS_KINDS as readonly string[]).includes(kind))
    usage(`--kind must be synthetic, shorthand or both, not "${kind}"`);
  return [kind as CorpusKind];
}

async function loadSources(args: Args): Promise<Source[]> {
  if (args.corpus) {
    const { docs, warnings } = readCorpus(args.corpus);
    for (const w of warnings) console.error(`warning: ${w}`);
    return [{ label: path.basename(args.corpus), docs, generated: false }];
  }
  const count = numberOption(args.count, 'count', 1, 1e6)!;
  const seedOption = numberOption(args.seed, 'seed', 0, 2 ** 32);
  return Promise.all(
    kinds(args).map(async (kind) => {
      const seed = seedOption ?? heldOutSeed(kind);
      return {
        label: `${kind} corpus (seed ${seed}, ${count} docs)`,
        docs: await generatedCorpus(kind, count, seed),
        generated: true,
        kind,
      };
    }),
  );
}

/** Runs the detector at most once per threshold per corpus (the report's threshold is one of the sweep's). */
function cachedDetect(detector: SyncDetector, docs: readonly GoldDoc[]) {
  const runs = new Map<number, ReturnType<typeof detectAll>>();
  return (minScore: number) => {
    if (!runs.has(minScore)) runs.set(minScore, detectAll(detector, docs, minScore));
    return runs.get(minScore)!;
  };
}

interface Scored {
  preds: Map<string, PredSpan[]>;
  timing: string;
  timingJson: object;
  sweep: SweepRow[] | null;
}

function runDetector(
  detector: SyncDetector,
  constructMs: number,
  source: Source,
  args: Args,
  minScore: number,
): Scored {
  const detect = cachedDetect(detector, source.docs);
  const run = detect(minScore);
  const timing =
    `Detection: ${num(run.ms)} ms for ${num(run.chars)} chars (${num(run.chars / (run.ms / 1000))} chars/s, one cold pass; ` +
    `npm run bench for throughput). Detector construction: ${num(constructMs, 1)} ms.`;
  const wantSweep = source.generated || !!args.sweep;
  const sweep = wantSweep
    ? minScoreSweep(source.docs, (m) => detect(m).byId, { countWhitespace: !!args['count-whitespace'] })
    : null;
  return {
    preds: run.byId,
    timing,
    timingJson: { constructMs, detectMs: run.ms, charsPerSec: run.chars / (run.ms / 1000) },
    sweep,
  };
}

function readPred(file: string, docs: readonly GoldDoc[]): Scored {
  const p = readPredictions(file, docs);
  for (const w of p.warnings) console.error(`warning: ${w}`);
  return { preds: p.byId, timing: '', timingJson: {}, sweep: null };
}

function report(
  source: Source,
  scored: Scored,
  args: Args,
  system: string,
  minScore: number,
  details: number | undefined,
): object {
  const result = evaluate(source.docs, scored.preds, { countWhitespace: !!args['count-whitespace'] });
  console.log(`## PHI evaluation: ${system} on ${source.label}\n`);
  if (scored.timing) console.log(scored.timing);
  console.log(formatReport(result));
  if (scored.sweep) console.log(`\n### Min score (entity level, type-agnostic, in %)\n\n${formatSweep(scored.sweep)}`);
  if (details) console.log('\n' + formatDetails(spanDetails(source.docs, scored.preds, details)));
  return {
    source: source.label,
    system,
    minScore,
    timing: scored.timingJson,
    ...result,
    ...(scored.sweep ? { sweep: scored.sweep } : {}),
  };
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (e) {
    usage((e as Error).message);
  }
  if (args.help) return void console.log(HELP);
  const minScore = numberOption(args['min-score'], 'min-score', 0, 1)!;
  const details = numberOption(args.details, 'details', 0, 1e6);
  const sources = await loadSources(args);
  if (details && args.corpus) console.error('warning: --details prints corpus text; use it only on synthetic corpora.');

  const t0 = performance.now();
  const detector = args.pred ? null : new LocalPhiDetector();
  const constructMs = performance.now() - t0;
  const system = args.pred ? `predictions ${path.basename(args.pred)}` : `LocalPhiDetector, minScore ${minScore}`;
  const results = sources.map((source, k) => {
    if (k > 0) console.log('\n');
    const scored = detector
      ? runDetector(detector, constructMs, source, args, minScore)
      : readPred(args.pred!, source.docs);
    return report(source, scored, args, system, minScore, details);
  });
  for (const source of sources) {
    if (!detector || source.kind !== 'shorthand') continue;
    console.log('\n');
    const heldOut = withoutNeutralWords();
    const scored = runDetector(heldOut, 0, source, args, minScore);
    results.push(
      report(
        source,
        scored,
        args,
        `${system}, the corpus's neutral words removed from its whitelist`,
        minScore,
        details,
      ),
    );
  }
  if (args.json) writeJson(args.json, results);
}

/**
 * The shorthand corpus fills its neutral slots with words sampled from Philter's whitelist, which the
 * detector ships: a second run without those words tells what the detector does with clinical words it
 * has never been told are safe (the honest case for real notes).
 */
function withoutNeutralWords(): LocalPhiDetector {
  const lexicon = loadLexicon();
  const neutral = new Set(lexicons().neutralWords);
  const safeWords = new Set([...lexicon.safeWords].filter((w) => !neutral.has(w)));
  return new LocalPhiDetector({ lexicon: { ...lexicon, safeWords } });
}

/** One corpus: the scores object as before; several: `{ corpora: [...] }`. */
function writeJson(file: string, results: object[]): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results.length === 1 ? results[0] : { corpora: results }, null, 2));
  console.error(`wrote ${file}`);
}

/** Bad or missing input files are user errors: say where, without a stack trace or their text. */
function fail(e: unknown): never {
  if (e instanceof JsonlError) console.error(`eval: bad input: ${e.message}`);
  else if (e instanceof Error && 'code' in e && 'path' in e)
    console.error(`eval: ${e.message}`); // fs errors
  else console.error(e);
  process.exit(1);
}

main().catch(fail);
