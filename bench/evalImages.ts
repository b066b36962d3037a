// npm run eval:images -- [--pages 16] [--seed N] [--fonts dejavu|all] [--turn 0|90|180|270] [--shared DIR] [--min-score 0.5] [--json OUT]
// How well image masking covers PHI words and spares the rest, on generated pages with known word outlines
// and on the shared radiographs. Prints counts and shares only, never a word read or written on a page.
// The parts are in bench/images/ (evalGenerated, evalShared, printImageEval, imageEvalJson).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COVER, FULL_COVER, LEFT_UNCOVERED } from './images/coverage.ts';
import { evalGenerated } from './images/evalGenerated.ts';
import { evalShared } from './images/evalShared.ts';
import { fontSet, type QuarterTurn } from './images/generatePage.ts';
import { imageEvalJson } from './images/imageEvalJson.ts';
import { imagePipeline } from './images/imagePipeline.ts';
import { planPages } from './images/pagePlan.ts';
import { printImageEval } from './images/printImageEval.ts';
import { TARGETS, type WordOutcome } from './images/WordOutcome.ts';

const HELP = `Usage: npm run eval:images -- [options]

  --pages N          generated pages (default 16: two of each of the 8 kinds; 60 is the size of issue 12's held-out set)
  --seed N           page seed (default 20261201)
  --fonts SET        dejavu (default: the 7 DejaVu families every project machine has, so a plan is the same
                     everywhere) or all (every text font family fc-list reports on this machine)
  --turn DEG         0 (default), 90, 180 or 270: every page (and its true word outlines) turned clockwise by that
                     much, with no EXIF tag, to measure orientation handling
  --shared DIR       the shared radiographs with ground_truth.json (default ../shared/images; skipped if absent)
  --min-score X      detector minimum score (default 0.5)
  --json OUT         also write the figures as JSON (counts and shares only)

A PHI word is covered when the fills cover >= ${COVER * 100} % of its true outline's pixels (issue 12's measure), fully covered at
>= ${FULL_COVER * 100} % (this bench's stricter one, also reported); a non-PHI word is left intact when they cover <= ${LEFT_UNCOVERED * 100} % of
it. Targets (issue 12): all PHI words covered >= ${TARGETS.phi}, every kind of page >= ${TARGETS.everyKind}, non-PHI words intact >= ${TARGETS.nonPhi}.
`;

const OPTIONS = {
  pages: { type: 'string', default: '16' },
  seed: { type: 'string', default: '20261201' },
  shared: { type: 'string' },
  fonts: { type: 'string', default: 'dejavu' },
  turn: { type: 'string', default: '0' },
  'min-score': { type: 'string', default: '0.5' },
  json: { type: 'string' },
  help: { type: 'boolean' },
} as const;

const here = path.dirname(fileURLToPath(import.meta.url));

function usage(message: string): never {
  console.error(`eval:images: ${message}\n\n${HELP}`);
  process.exit(2);
}

function numberOption(value: string | undefined, name: string, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < min || n > max)
    usage(`--${name} must be a number in [${min}, ${max}]`);
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
  const count = numberOption(args.pages, 'pages', 0, 10_000);
  const seed = numberOption(args.seed, 'seed', 0, 2 ** 32);
  const minScore = numberOption(args['min-score'], 'min-score', 0, 1);
  const turn = Number(args.turn);
  if (![0, 90, 180, 270].includes(turn)) usage('--turn must be 0, 90, 180 or 270');
  if (args.fonts !== 'dejavu' && args.fonts !== 'all') usage('--fonts must be dejavu or all');
  const fonts = fontSet(args.fonts);
  if (fonts.length === 0) usage('fc-list found no font families');
  const sharedDir = path.resolve(args.shared ?? path.join(here, '..', '..', 'shared', 'images'));
  if (args.shared !== undefined && !fs.existsSync(path.join(sharedDir, 'ground_truth.json')))
    usage('--shared DIR must hold ground_truth.json');

  const plans = planPages(count, seed, { fonts, turn: turn as QuarterTurn });
  const pipeline = imagePipeline(minScore);
  const t0 = performance.now();
  let generated;
  let shared: WordOutcome[] | undefined;
  try {
    generated = await evalGenerated(pipeline, plans);
    if (fs.existsSync(path.join(sharedDir, 'ground_truth.json'))) shared = await evalShared(pipeline, sharedDir);
  } finally {
    await pipeline.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const usedFonts = [...new Set(plans.map((p) => p.options.fontFamily as string))];
  const run = { count, seed, fonts: args.fonts, turn, minScore, usedFonts, generated, shared, sharedDir, seconds };
  printImageEval(run);
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(args.json, `${JSON.stringify(imageEvalJson(run), null, 2)}\n`);
    console.error(`wrote ${args.json}`);
  }
}

await main();
