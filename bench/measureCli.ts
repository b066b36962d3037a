import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface CliRun {
  bytes: number;
  seconds: number;
  mbPerSec: number;
  peakRssMB: number;
  lines: number;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Runs `hdm detect --jsonl FILE` as users run it (a fresh process: start-up, dictionary loading,
 * streaming JSONL in and out) and measures its wall time and peak RSS.
 */
export function measureCli(docs: readonly string[], minScore: number): CliRun {
  const dir = path.join(ROOT, '.data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench-notes.jsonl');
  fs.writeFileSync(file, docs.map((text, i) => JSON.stringify({ id: String(i), text })).join('\n') + '\n');
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(ROOT, 'bench/reportMaxRss.mjs'),
      path.join(ROOT, 'bin/hdm.js'),
      'detect',
      '--jsonl',
      file,
      '--min-score',
      String(minScore),
    ],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0)
    throw new Error(`hdm detect --jsonl exited with ${child.status}: ${child.stderr.slice(0, 500)}`);
  const rss = /hdm-bench-maxrss-kib=(\d+)/.exec(child.stderr);
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d), 0);
  return {
    bytes,
    seconds,
    mbPerSec: bytes / 1e6 / seconds,
    peakRssMB: Number(rss?.[1] ?? NaN) / 1024,
    lines: child.stdout.split('\n').filter(Boolean).length,
  };
}
