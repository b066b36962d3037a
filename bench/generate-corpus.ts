/**
 * Writes a generated clinical corpus as JSONL: the synthetic one (bench/corpus) or the shorthand one
 * (bench/shorthandCorpus: ICU shorthand and vocabulary the detector's authors did not choose).
 *   npm run corpus -- [--kind synthetic|shorthand] --seed 7 --count 600 --out F.jsonl [--styles a,b]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, NOTE_STYLES } from './corpus/generateCorpus.ts';
import type { CorpusDoc } from './corpus/types.ts';
import { generateShorthandCorpus, SHORTHAND_STYLES } from './shorthandCorpus/generateShorthandCorpus.ts';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'synthetic' },
    seed: { type: 'string', default: '20261128' },
    count: { type: 'string', default: '400' },
    out: { type: 'string' },
    styles: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run corpus -- [--kind synthetic|shorthand] [--seed N] [--count N] [--out FILE] [--styles a,b]
Styles (synthetic): ${NOTE_STYLES.join(', ')}
Styles (shorthand): ${SHORTHAND_STYLES.join(', ')}`);
  process.exit(0);
}

const seed = Number(values.seed);
const count = Number(values.count);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 0) {
  console.error('--seed and --count must be integers (count >= 0)');
  process.exit(2);
}
if (values.kind !== 'synthetic' && values.kind !== 'shorthand') {
  console.error('--kind must be synthetic or shorthand');
  process.exit(2);
}
const styles = values.styles
  ? values.styles
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : undefined;
const options = { seed, count, ...(styles ? { styles } : {}) };
const shorthand = values.kind === 'shorthand';
const out =
  values.out ??
  (shorthand ? 'bench/shorthandCorpus/shorthand-clinical.jsonl' : 'bench/corpus/synthetic-clinical.jsonl');

const docs: CorpusDoc[] = shorthand ? generateShorthandCorpus(options) : generateCorpus(options);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, docs.map((d) => JSON.stringify(d)).join('\n') + (docs.length ? '\n' : ''));
const spans = docs.reduce((n, d) => n + d.spans.length, 0);
console.log(`Wrote ${docs.length} docs, ${spans} spans to ${out}`);
