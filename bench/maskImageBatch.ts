// `npm run bench:images-batch`: `hdm mask-image FILES... -o OUT` timed as users run it (a fresh process,
// start-up included) on generated pages, for --concurrency 1 and 2 and with N, N+1 or N+2 pages in flight.
// Target (issue 12): 60 pages in one call at <= 1.5 s a page on 2 cores.
// Usage: npm run bench:images-batch [-- PAGES | DIR [ROUNDS [SEED]]]: PAGES pages of eval:images' plan (default
// 24, seed SEED, default 20261201), or the image files in DIR; ROUNDS (default 1) runs every setup that many times,
// interleaved, and reports the median. Timings on a shared VM are noisy: compare rows of one run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { generatePage } from './images/generatePage.ts';
import { planPages } from './images/pagePlan.ts';
import { num, table } from './table.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ARG = process.argv[2] ?? '24';
const ROUNDS = Math.max(1, Number(process.argv[3] ?? 1));
const SEED = Number(process.argv[4] ?? 20261201);

interface Setup {
  label: string;
  concurrency: number;
  /** Pages in flight beyond the N workers (HDM_BENCH_IN_FLIGHT_EXTRA; hdm's default is 1). */
  extra: number;
}

/** The eval's page plan (bench/images/pagePlan.ts: 8 kinds, 800×600 to 2480×3508, skew, JPEG, noise) as files in `dir`. */
async function writePages(dir: string, count: number): Promise<string[]> {
  const files: string[] = [];
  for (const [i, plan] of planPages(count, SEED).entries()) {
    const page = await generatePage(plan.options);
    const file = path.join(
      dir,
      `page-${String(i).padStart(3, '0')}.${plan.options.jpegQuality !== undefined ? 'jpg' : 'png'}`,
    );
    writeFileSync(file, page.bytes);
    files.push(file);
  }
  return files;
}

async function generated(dir: string, count: number): Promise<string[]> {
  console.log(
    `Generating ${count} pages of eval:images' plan, seed ${SEED} (8 kinds, 800x600 to 2480x3508, skew, JPEG, noise)...`,
  );
  return writePages(dir, count);
}

/** The files directly in `folder`, sorted (hdm itself skips any that are not images). */
function pagesIn(folder: string): string[] {
  const files = readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => path.join(folder, name));
  console.log(`${files.length} files from ${folder}`);
  return files;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function timeRun(files: readonly string[], out: string, setup: Setup): number {
  const env = { ...process.env, HDM_BENCH_IN_FLIGHT_EXTRA: String(setup.extra) };
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/hdm.js'), 'mask-image', ...files, '-o', out, '--concurrency', String(setup.concurrency)],
    { env, encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`hdm mask-image exited with ${child.status}:\n${child.stderr.slice(-800)}`);
  return seconds;
}

const dir = mkdtempSync(path.join(tmpdir(), 'hdm-bench-batch-'));
try {
  const files = existsSync(ARG) && statSync(ARG).isDirectory() ? pagesIn(ARG) : await generated(dir, Number(ARG));
  const PAGES = files.length;
  const all: Setup[] = [
    { label: '--concurrency 1, 1 page in flight', concurrency: 1, extra: 0 },
    { label: '--concurrency 1, 2 pages in flight (default)', concurrency: 1, extra: 1 },
    { label: '--concurrency 2, 2 pages in flight', concurrency: 2, extra: 0 },
    { label: '--concurrency 2, 3 pages in flight (default)', concurrency: 2, extra: 1 },
    { label: '--concurrency 2, 4 pages in flight', concurrency: 2, extra: 2 },
  ];
  // BATCH_SETUPS=defaults: only hdm's defaults for 1 and 2 workers (a 60-page run of all five takes long).
  const setups = process.env.BATCH_SETUPS === 'defaults' ? all.filter((x) => x.label.includes('(default)')) : all;
  const seconds: number[][] = setups.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    setups.forEach((setup, i) => {
      const taken = timeRun(files, path.join(dir, `out-${i}`), setup);
      seconds[i]?.push(taken);
      console.log(`  round ${round + 1}, ${setup.label}: ${taken.toFixed(1)} s`);
    });
  }
  const rows = setups.map((setup, i) => {
    const s = median(seconds[i] ?? []);
    return [setup.label, String(PAGES), num(s, 1), num(s / PAGES, 2), num(PAGES / s, 2)];
  });
  console.log(
    `\n${availableParallelism()} cores; one process per run, start-up included; median of ${ROUNDS} round(s).\n`,
  );
  console.log(table(['setup', 'pages', 'seconds', 's/page', 'pages/s'], rows));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
