// npm run eval:images -- [--pages 12] [--seed N] [--shared DIR] [--min-score 0.5] [--json OUT]
// How well image masking covers PHI words and spares the rest, on generated pages with known word outlines
// and on the shared radiographs. Prints counts and shares only, never a word read or written on a page.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SharpImageRedactor } from '../src/adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from '../src/adapters/tesseract/TesseractTextExtractor.ts';
import type { OcrPage, PixelBox, Point } from '../src/core/Image.ts';
import { DEFAULT_IMAGE_PADDING_PX, maskImageContent } from '../src/core/maskImageContent.ts';
import { parseMaskOptions } from '../src/core/parseMaskOptions.ts';
import { LocalPhiDetector } from '../src/detect/LocalPhiDetector.ts';
import { mixSeed, Rng } from './corpus/random.ts';
import { coveredShare, FULL_COVER, LEFT_UNCOVERED, offsetConvexPolygon } from './images/coverage.ts';
import { FONT_FAMILIES, generatePage, PAGE_SIZES, PAGE_STYLES, type GeneratePageOptions } from './images/generatePage.ts';
import { num, pct, table } from './table.ts';

const HELP = `Usage: npm run eval:images -- [options]

  --pages N          generated pages (default 12: each style, font and condition; 1 MP and 3 MP)
  --seed N           page seed (default 20261201)
  --shared DIR       the shared radiographs with ground_truth.json (default ../shared/images; skipped if absent)
  --min-score X      detector minimum score (default 0.5)
  --json OUT         also write the figures as JSON (counts and shares only)

A PHI word is fully covered when the fills cover >= ${FULL_COVER * 100} % of its true outline's pixels (target share of
PHI words >= 0.97); a non-PHI word is left readable when they cover <= ${LEFT_UNCOVERED * 100} % of it (target >= 0.90).
`;

const OPTIONS = {
  pages: { type: 'string', default: '12' }, seed: { type: 'string', default: '20261201' }, shared: { type: 'string' },
  'min-score': { type: 'string', default: '0.5' }, json: { type: 'string' }, help: { type: 'boolean' },
} as const;

const PHI_TARGET = 0.97;
const PLAIN_TARGET = 0.9;
const PADDING_PX = DEFAULT_IMAGE_PADDING_PX; // as the image worker (src/services.ts) and `hdm mask-image`
const here = path.dirname(fileURLToPath(import.meta.url));

type Condition = 'clean PNG' | 'rotated ±2-3°' | 'JPEG q60-85';
const CONDITIONS: readonly Condition[] = ['clean PNG', 'rotated ±2-3°', 'JPEG q60-85'];

interface PagePlan {
  options: GeneratePageOptions;
  condition: Condition;
}

/** One true word's outcome: no text kept, only what it was and what happened to it. */
interface WordOutcome {
  page: string;
  group: string;
  condition: string;
  font: string;
  phi: boolean;
  type: string;
  share: number;
  /** The share if every fill were 2 px larger on each side: tells "a pixel short" from other misses. */
  grownShare: number;
  located: boolean;
  read: boolean;
}

function usage(message: string): never {
  console.error(`eval:images: ${message}\n\n${HELP}`);
  process.exit(2);
}

function numberOption(value: string | undefined, name: string, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < min || n > max) usage(`--${name} must be a number in [${min}, ${max}]`);
  return n;
}

/**
 * Every style with every font (4 and 3 are coprime, so 12 pages cover the 12 pairs), four pages in each
 * condition; size (1 MP or 3 MP), font size, rotation direction and JPEG quality from the seed.
 */
export function planPages(count: number, seed: number): PagePlan[] {
  return Array.from({ length: count }, (_, i): PagePlan => {
    const rng = new Rng(mixSeed(seed, i, 0x1e7a));
    const condition = CONDITIONS[Math.floor(i / PAGE_STYLES.length) % CONDITIONS.length] as Condition;
    const size = PAGE_SIZES[rng.pick(['1mp', '3mp'] as const)];
    const options: GeneratePageOptions = {
      seed: mixSeed(seed, i),
      style: PAGE_STYLES[i % PAGE_STYLES.length] as (typeof PAGE_STYLES)[number],
      fontFamily: FONT_FAMILIES[i % FONT_FAMILIES.length] as (typeof FONT_FAMILIES)[number],
      // Small text on a 3 MP page is like a scan at a low DPI; the same size on 1 MP is larger relative to the page.
      fontSize: rng.int(14, 32),
      ...size,
    };
    if (condition === 'rotated ±2-3°') options.rotateDeg = (rng.chance(0.5) ? -1 : 1) * (2 + rng.next());
    if (condition === 'JPEG q60-85') options.jpegQuality = rng.int(60, 85);
    return { options, condition };
  });
}

const norm = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function intersection(a: PixelBox, b: PixelBox): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Located: an OCR word overlaps half of the true word or half of itself lies on it. Read: one of those has the same letters and digits. */
function ocrMatch(truth: { text: string; box: PixelBox }, ocr: OcrPage): { located: boolean; read: boolean } {
  const area = Math.max(1, truth.box.width * truth.box.height);
  const near = ocr.words.filter((w) => {
    const overlap = intersection(truth.box, w.box);
    return overlap >= 0.5 * area || overlap >= 0.5 * Math.max(1, w.box.width * w.box.height);
  });
  return { located: near.length > 0, read: near.some((w) => norm(w.text) === norm(truth.text) && norm(truth.text) !== '') };
}

interface Pipeline {
  run(bytes: Uint8Array): Promise<{ regions: Point[][]; ocr: OcrPage; width: number; height: number; seconds: number }>;
  close(): Promise<void>;
}

function pipeline(minScore: number): Pipeline {
  const ocr = new TesseractTextExtractor();
  const redactor = new SharpImageRedactor({ paddingPx: 0 });
  const detector = new LocalPhiDetector();
  const { mask } = parseMaskOptions({ minScore });
  return {
    async run(bytes) {
      const t0 = performance.now();
      const prepared = await redactor.prepare(bytes);
      let page: OcrPage | undefined;
      // Keeps the OCR result for the recall figures; the masking itself is the product code unchanged.
      const extractor = { extract: async (image: typeof prepared) => (page = await ocr.extract(image)) };
      const masked = await maskImageContent({ extractor, redactor, detector, fill: '#000', paddingPx: PADDING_PX }, prepared, mask);
      return { regions: masked.regions, ocr: page as OcrPage, width: prepared.width, height: prepared.height, seconds: (performance.now() - t0) / 1000 };
    },
    close: () => ocr.close(),
  };
}

async function evalGenerated(run: Pipeline, plans: readonly PagePlan[]): Promise<{ words: WordOutcome[]; pages: string[][] }> {
  const words: WordOutcome[] = [];
  const pages: string[][] = [];
  for (const [i, plan] of plans.entries()) {
    const page = await generatePage(plan.options);
    const result = await run.run(page.bytes);
    const name = `page ${i + 1}`;
    const outcomes = page.words.map((w): WordOutcome => ({
      page: name, group: plan.options.style, condition: plan.condition, font: page.fontFamily, phi: w.phi, type: w.type ?? '',
      ...shares(w.polygon, result.regions, page.width, page.height),
      ...ocrMatch(w, result.ocr),
    })).filter((o) => !Number.isNaN(o.share));
    words.push(...outcomes);
    const phi = outcomes.filter((o) => o.phi);
    const plain = outcomes.filter((o) => !o.phi);
    pages.push([name, plan.options.style, `${page.width}×${page.height}`, `${page.fontFamily} ${page.fontSize}px`, conditionLabel(plan),
      num(outcomes.length), pct(share(phi, fullyCovered)), pct(share(plain, leftUncovered)), pct(share(outcomes, (o) => o.read)), num(result.seconds, 1)]);
    console.error(`eval:images: ${name} of ${plans.length} done (${num(result.seconds, 1)} s)`);
  }
  return { words, pages };
}

function conditionLabel(plan: PagePlan): string {
  if (plan.options.rotateDeg !== undefined) return `rotated ${num(plan.options.rotateDeg, 1)}°`;
  if (plan.options.jpegQuality !== undefined) return `JPEG q${plan.options.jpegQuality}`;
  return 'PNG';
}

interface Truth {
  label: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The shared radiographs: only PHI boxes are known (no non-PHI truth), in coordinates padded by 25 px. */
async function evalShared(run: Pipeline, dir: string): Promise<WordOutcome[]> {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground_truth.json'), 'utf8')) as Record<string, Record<string, Truth>>;
  const words: WordOutcome[] = [];
  for (const [key, boxes] of Object.entries(truth)) {
    const file = path.join(dir, path.basename(key).replace(/\.dcm$/, '.png'));
    if (!fs.existsSync(file)) continue;
    const result = await run.run(fs.readFileSync(file));
    for (const b of Object.values(boxes)) {
      const box = { left: b.left - 25, top: b.top - 25, width: b.width, height: b.height };
      const polygon = [{ x: box.left, y: box.top }, { x: box.left + box.width, y: box.top }, { x: box.left + box.width, y: box.top + box.height }, { x: box.left, y: box.top + box.height }];
      words.push({
        page: path.basename(file), group: path.basename(file), condition: 'radiograph', font: '', phi: true, type: radiographKind(b.label),
        ...shares(polygon, result.regions, result.width, result.height), ...ocrMatch({ text: b.label, box }, result.ocr),
      });
    }
    console.error(`eval:images: ${path.basename(file)} done (${num(result.seconds, 1)} s)`);
  }
  return words;
}

/** What kind of label a radiograph box holds, from its shape (the label itself is not printed). */
function radiographKind(label: string): string {
  if (/^\[[A-Z]\]$/.test(label)) return 'sex marker (not DetectPHI PHI)';
  if (/\d/.test(label)) return 'DATE';
  return 'NAME';
}

function shares(polygon: readonly Point[], regions: readonly Point[][], width: number, height: number): { share: number; grownShare: number } {
  return {
    share: coveredShare(polygon, regions, { width, height }),
    grownShare: coveredShare(polygon, regions.map((r) => offsetConvexPolygon(r, 2)), { width, height }),
  };
}

const fullyCovered = (o: WordOutcome): boolean => o.share >= FULL_COVER;
const leftUncovered = (o: WordOutcome): boolean => o.share <= LEFT_UNCOVERED;

function share(words: readonly WordOutcome[], test: (o: WordOutcome) => boolean): number | undefined {
  return words.length === 0 ? undefined : words.filter(test).length / words.length;
}

/** Why a PHI word is not fully covered, in the order the pipeline would have lost it. */
function missReason(o: WordOutcome): string {
  if (o.share > LEFT_UNCOVERED) return 'partly covered';
  if (!o.located) return 'not found by OCR';
  if (!o.read) return 'misread by OCR, not detected';
  return 'read correctly, not detected';
}

const MISS_REASONS = ['partly covered', 'not found by OCR', 'misread by OCR, not detected', 'read correctly, not detected'];

function summaryRow(name: string, words: readonly WordOutcome[]): string[] {
  const phi = words.filter((o) => o.phi);
  const plain = words.filter((o) => !o.phi);
  return [name, num(words.length), num(phi.length), pct(share(phi, fullyCovered)), num(plain.length), pct(share(plain, leftUncovered)),
    pct(share(words, (o) => o.read)), pct(share(words, (o) => o.located))];
}

const SUMMARY_HEADER = ['', 'words', 'PHI words', 'PHI fully covered %', 'non-PHI words', 'non-PHI uncovered %', 'OCR read %', 'OCR located %'];

function groupBy(words: readonly WordOutcome[], key: (o: WordOutcome) => string, order?: readonly string[]): [string, WordOutcome[]][] {
  const groups = new Map<string, WordOutcome[]>();
  for (const name of order ?? []) groups.set(name, []);
  for (const o of words) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return [...groups].filter(([, list]) => list.length > 0);
}

function missTable(words: readonly WordOutcome[], key: (o: WordOutcome) => string): string {
  const missed = words.filter((o) => o.phi && !fullyCovered(o));
  return table(['', 'PHI words', 'fully covered %', 'missed', ...MISS_REASONS, 'partly: full if fills 2 px larger'],
    groupBy(words.filter((o) => o.phi), key).map(([name, list]) => {
      const mine = missed.filter((o) => key(o) === name);
      return [name, num(list.length), pct(share(list, fullyCovered)), num(mine.length), ...MISS_REASONS.map((r) => num(mine.filter((o) => missReason(o) === r).length)),
        num(mine.filter((o) => missReason(o) === 'partly covered' && o.grownShare >= FULL_COVER).length)];
    }));
}

function spilledTable(words: readonly WordOutcome[]): string {
  const spilled = words.filter((o) => !o.phi && !leftUncovered(o));
  return table(['style', 'non-PHI words', 'covered > 10 %', 'covered >= 90 % (masked as a word)', 'covered 10-90 % (a neighbour\'s fill)'],
    groupBy(words.filter((o) => !o.phi), (o) => o.group, PAGE_STYLES).map(([name, list]) => {
      const mine = spilled.filter((o) => o.group === name);
      return [name, num(list.length), num(mine.length), num(mine.filter((o) => o.share >= 0.9).length), num(mine.filter((o) => o.share < 0.9).length)];
    }));
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
  const sharedDir = path.resolve(args.shared ?? path.join(here, '..', '..', 'shared', 'images'));
  if (args.shared !== undefined && !fs.existsSync(path.join(sharedDir, 'ground_truth.json'))) usage('--shared DIR must hold ground_truth.json');

  const run = pipeline(minScore);
  const t0 = performance.now();
  let generated: Awaited<ReturnType<typeof evalGenerated>>;
  let shared: WordOutcome[] | undefined;
  try {
    generated = await evalGenerated(run, planPages(count, seed));
    if (fs.existsSync(path.join(sharedDir, 'ground_truth.json'))) shared = await evalShared(run, sharedDir);
  } finally {
    await run.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const words = generated.words;
  const phi = words.filter((o) => o.phi);
  const plain = words.filter((o) => !o.phi);

  console.log(`## Image masking on generated pages (${count} pages, seed ${seed}, minScore ${minScore}, padding ${PADDING_PX} px, ${process.version})\n`);
  console.log(table(['measure', 'value', 'target', 'met'], [
    ['PHI words fully covered (>= 98 % of the outline)', `${pct(share(phi, fullyCovered))} % of ${num(phi.length)}`, `>= ${PHI_TARGET * 100} %`, verdict(share(phi, fullyCovered), PHI_TARGET)],
    ['non-PHI words left uncovered (<= 10 %)', `${pct(share(plain, leftUncovered))} % of ${num(plain.length)}`, `>= ${PLAIN_TARGET * 100} %`, verdict(share(plain, leftUncovered), PLAIN_TARGET)],
    ['OCR word recall (same letters and digits, at the word)', `${pct(share(words, (o) => o.read))} % of ${num(words.length)}`, '', ''],
    ['OCR words located (any text, at the word)', `${pct(share(words, (o) => o.located))} %`, '', ''],
  ]));
  console.log('\n### Per style\n');
  console.log(table(SUMMARY_HEADER, groupBy(words, (o) => o.group, PAGE_STYLES).map(([name, list]) => summaryRow(name, list))));
  console.log('\n### Per condition and font\n');
  console.log(table(SUMMARY_HEADER, [
    ...groupBy(words, (o) => o.condition, CONDITIONS).map(([name, list]) => summaryRow(name, list)),
    ...groupBy(words, (o) => o.font, FONT_FAMILIES).map(([name, list]) => summaryRow(name, list)),
  ]));
  console.log('\n### PHI words per type, and why the missed ones were missed\n');
  console.log(missTable(words, (o) => o.type));
  console.log('\n### PHI words per style\n');
  console.log(missTable(words, (o) => o.group));
  console.log('\n### Non-PHI words covered, per style\n');
  console.log(spilledTable(words));
  console.log('\n### Pages\n');
  console.log(table(['page', 'style', 'size', 'font', 'condition', 'words', 'PHI covered %', 'non-PHI uncovered %', 'OCR read %', 'seconds'], generated.pages,
    ['l', 'l', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'r']));
  console.log(`\nWhy missed: *partly covered* = a fill reaches the word but leaves > 2 % of its pixels; *not found by OCR* = no OCR
word at it; *misread* = OCR read other letters there and nothing was detected; *read correctly, not detected* = the
detector (or its type and score filters) passed over it. Shares are of pixels of the true ink box (rotated with the page).
The last column re-measures partly covered words with every fill grown by 2 px along its edges' normals (a diagnostic,
not what the product does).`);

  if (shared) {
    console.log(`\n## Shared radiographs (${sharedDir}; only PHI boxes are known, ground truth shifted by −25 px)\n`);
    console.log(table(['image', 'boxes', 'fully covered %', 'OCR read %', 'OCR located %'],
      groupBy(shared, (o) => o.group).map(([name, list]) => [name, num(list.length), pct(share(list, fullyCovered)), pct(share(list, (o) => o.read)), pct(share(list, (o) => o.located))])));
    console.log('');
    console.log(missTable(shared, (o) => o.type));
    const real = shared.filter((o) => !o.type.startsWith('sex'));
    console.log(`\nWithout the sex markers: ${pct(share(real, fullyCovered))} % of ${num(real.length)} names and dates fully covered.`);
  } else {
    console.log(`\nShared radiographs skipped: ${sharedDir} not found (pass --shared DIR to include them).`);
  }
  console.log(`\nTotal time ${num(seconds, 1)} s.`);

  if (args.json) {
    const figures = (list: readonly WordOutcome[]) => ({
      words: list.length, phiWords: list.filter((o) => o.phi).length, phiFullyCovered: share(list.filter((o) => o.phi), fullyCovered) ?? null,
      nonPhiUncovered: share(list.filter((o) => !o.phi), leftUncovered) ?? null, ocrRead: share(list, (o) => o.read) ?? null,
    });
    const json = {
      node: process.version, pages: count, seed, minScore, paddingPx: PADDING_PX, overall: figures(words),
      byStyle: Object.fromEntries(groupBy(words, (o) => o.group).map(([k, v]) => [k, figures(v)])),
      byType: Object.fromEntries(groupBy(phi, (o) => o.type).map(([k, v]) => [k, figures(v)])),
      shared: shared ? Object.fromEntries(groupBy(shared, (o) => o.group).map(([k, v]) => [k, figures(v)])) : null,
    };
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(args.json, `${JSON.stringify(json, null, 2)}\n`);
    console.error(`wrote ${args.json}`);
  }
}

function verdict(value: number | undefined, target: number): string {
  return value === undefined ? '–' : value >= target ? 'yes' : 'no';
}

await main();
