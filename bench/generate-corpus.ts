/**
 * Writes the synthetic clinical corpus as JSONL.
 *   npm run corpus -- --seed 7 --count 600 --out bench/corpus/synthetic-clinical.jsonl [--styles a,b]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, NOTE_STYLES } from './corpus/generateCorpus.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261128' },
    count: { type: 'string', default: '400' },
    out: { type: 'string', default: 'bench/corpus/synthetic-clinical.jsonl' },
    styles: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run corpus -- [--seed N] [--count N] [--out FILE] [--styles a,b]\nStyles: ${NOTE_STYLES.join(', ')}`);
  process.exit(0);
}

const seed = Number(values.seed);
const count = Number(values.count);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 0) {
  console.error('--seed and --count must be integers (count >= 0)');
  process.exit(2);
}
const styles = values.styles ? values.styles.split(',').map((s) => s.trim()).filter(Boolean) : undefined;

const docs = generateCorpus({ seed, count, ...(styles ? { styles } : {}) });
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, docs.map((d) => JSON.stringify(d)).join('\n') + (docs.length ? '\n' : ''));
const spans = docs.reduce((n, d) => n + d.spans.length, 0);
console.log(`Wrote ${docs.length} docs, ${spans} spans to ${values.out}`);
