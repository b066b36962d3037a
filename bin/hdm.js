#!/usr/bin/env node
// The installed package ships the CLI built into dist/ and runs it in plain Node. A clone of the
// repository has src/ and runs the TypeScript source through tsx instead, so `npx hdm` works right after
// `npm ci` with no build step and never runs a dist/ left over from an older build.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// The detector's word lists keep about 55 MB alive, and with that much live data V8 lets the old
// generation grow to four times it before a full collection: 230-360 MB peak on a 20 MB --jsonl run.
// Favouring size keeps the same run at about 175 MB, with no measurable loss of speed (bench/README.md).
setFlagsFromString('--optimize-for-size');
// Chosen at run time, so neither is a static import: dist/ exists only after `npm run build`.
const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/cli/main.js', import.meta.url);
const { main } = existsSync(source) ? await importSource(source) : await import(built.href);
process.exitCode = await main(process.argv.slice(2));

async function importSource(url) {
  const { register } = await import('tsx/esm/api');
  register();
  return import(url.href);
}
