// npm run bench:peers -- [--shared ../shared] [--corpus FILE] [--peers all] [--out DIR] [--keep]
// Dev tool, not shipped: scores our detector next to the npm peers with the shared benchmark's own
// harness, so both sides are measured by the same scorer. Runs on a writable copy of the shared folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LocalPhiDetector } from '../src/detect/LocalPhiDetector.ts';
import { detectAll } from './detectAll.ts';
import { writeJsonl } from './jsonl.ts';
import { readCorpus } from './readCorpus.ts';
import { HELD_OUT_SEED, syntheticCorpus } from './syntheticCorpus.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_SCORE = 0.5;
const SHARED_CORPORA = ['smoke.jsonl', 'corpus/presidio-synth-v2.jsonl'];

const { values: args } = parseArgs({
  options: {
    shared: { type: 'string', default: path.join(REPO, '..', 'shared') },
    corpus: { type: 'string' },
    count: { type: 'string', default: '800' },
    peers: { type: 'string', default: 'all' },
    out: { type: 'string', default: path.join(REPO, 'bench', 'results', 'peers') },
    keep: { type: 'boolean' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (args.help) {
  console.log(`Usage: npm run bench:peers -- [--shared DIR] [--corpus FILE.jsonl] [--count N] [--peers all|none|a,b] [--out DIR] [--keep]
Scores LocalPhiDetector (minScore ${MIN_SCORE}) and the npm peers with the shared benchmark (DIR/bench, default ../shared)
on FILE (default: a held-out synthetic corpus of N docs) and on the shared ${SHARED_CORPORA.join(' and ')}.`);
  process.exit(0);
}

/** Accept the shared folder or its bench/ subfolder. */
function findSharedBench(dir: string): string | undefined {
  return [path.join(dir, 'bench'), dir].find(
    (d) => fs.existsSync(path.join(d, 'run.mjs')) && fs.existsSync(path.join(d, 'package-lock.json')),
  );
}

function run(cmd: string, argv: string[], cwd: string): void {
  console.error(`$ ${cmd} ${argv.join(' ')}`);
  const r = spawnSync(cmd, argv, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status ?? r.signal}`);
}

/** The shared folder is read-only; copies keep its modes, so make the copy writable for npm ci. */
function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) makeWritable(p);
    else fs.chmodSync(p, 0o644);
  }
}

async function main(): Promise<void> {
  const source = findSharedBench(path.resolve(args.shared));
  if (!source) {
    console.error(`bench:peers: no shared benchmark at ${path.resolve(args.shared)} (looked for run.mjs and package-lock.json there and in bench/).
It is the PHI peer benchmark folder kept next to this repository, not part of it; pass --shared DIR to point at it.`);
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hdm-peers-'));
  const work = path.join(tmp, 'bench');
  try {
    fs.cpSync(source, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
    makeWritable(work);
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], work);

    // The harness titles its table with the corpus file name, so keep a meaningful one.
    const ours = path.join(tmp, args.corpus ? path.basename(args.corpus) : `synthetic-clinical-${HELD_OUT_SEED}.jsonl`);
    if (args.corpus) fs.copyFileSync(path.resolve(args.corpus), ours);
    else writeJsonl(ours, await syntheticCorpus(Number(args.count)));
    const corpora = [ours, ...SHARED_CORPORA.map((c) => path.join(work, c))];

    const detector = new LocalPhiDetector();
    fs.mkdirSync(args.out, { recursive: true });
    for (const corpus of corpora) {
      const name = path.basename(corpus, '.jsonl');
      const { docs } = readCorpus(corpus);
      const preds = detectAll(detector, docs, MIN_SCORE).byId;
      // The harness names a prediction file's system after the file: keep it recognisable.
      const predFile = path.join(tmp, 'health-data-masking.jsonl');
      writeJsonl(
        predFile,
        docs.map((d) => ({ id: d.id, spans: preds.get(d.id) ?? [] })),
      );
      const out = path.join(path.resolve(args.out), `${name}.json`);
      run(
        process.execPath,
        ['run.mjs', '--corpus', corpus, '--peers', args.peers, '--pred', predFile, '--out', out],
        work,
      );
    }
  } finally {
    if (args.keep) console.error(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench:peers: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
