// The held-out synthetic corpus the bench tools use when given no corpus file. Its seed differs
// from the test fixture's (20261128) so tuning against tests does not flatter the evaluation.
import type { GoldDoc } from './score.ts';

export const HELD_OUT_SEED = 424242;

/** Loaded lazily: only the CLIs need the generator, and the scorer's tests should not. */
export async function syntheticCorpus(count: number, seed = HELD_OUT_SEED): Promise<GoldDoc[]> {
  const { generateCorpus } = await import('./corpus/generateCorpus.ts');
  return generateCorpus({ seed, count }).map((d) => ({ id: d.id, text: d.text, spans: d.spans, style: d.style }));
}
