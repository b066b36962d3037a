// The held-out generated corpora the bench tools use when given no corpus file. Their seeds differ
// from the tests' (20261128 for the synthetic fixture, others in test/unit/corpus) so tuning against
// tests does not flatter the evaluation.
import type { GoldDoc } from './score.ts';

export const HELD_OUT_SEED = 424242;
/** The shorthand corpus (bench/shorthandCorpus) has its own held-out seed. */
export const SHORTHAND_HELD_OUT_SEED = 517517;

export type CorpusKind = 'synthetic' | 'shorthand';
export const CORPUS_KINDS: readonly CorpusKind[] = ['synthetic', 'shorthand'];

export const heldOutSeed = (kind: CorpusKind): number =>
  kind === 'shorthand' ? SHORTHAND_HELD_OUT_SEED : HELD_OUT_SEED;

const toGold = (d: GoldDoc): GoldDoc => ({ id: d.id, text: d.text, spans: d.spans, style: d.style });

/** Loaded lazily: only the CLIs need the generator, and the scorer's tests should not. */
export async function syntheticCorpus(count: number, seed = HELD_OUT_SEED): Promise<GoldDoc[]> {
  const { generateCorpus } = await import('./corpus/generateCorpus.ts');
  return generateCorpus({ seed, count }).map(toGold);
}

export async function shorthandCorpus(count: number, seed = SHORTHAND_HELD_OUT_SEED): Promise<GoldDoc[]> {
  const { generateShorthandCorpus } = await import('./shorthandCorpus/generateShorthandCorpus.ts');
  return generateShorthandCorpus({ seed, count }).map(toGold);
}

export function generatedCorpus(kind: CorpusKind, count: number, seed = heldOutSeed(kind)): Promise<GoldDoc[]> {
  return kind === 'shorthand' ? shorthandCorpus(count, seed) : syntheticCorpus(count, seed);
}
