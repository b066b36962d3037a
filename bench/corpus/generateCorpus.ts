/**
 * Synthetic clinical corpus with gold PHI spans (see README.md in this folder for the annotation guideline).
 * Deterministic: doc i of a seed depends only on (seed, i, style), never on the other docs.
 */
import { makeCast } from './cast.ts';
import { NoteBuilder } from './NoteBuilder.ts';
import { hospitalName, randomAnchor } from './phi.ts';
import { mixSeed, Rng } from './random.ts';
import type { NoteStyle, StyleContext } from './styles/common.ts';
import { STYLES } from './styles/index.ts';
import type { CorpusDoc } from './types.ts';

export type { CorpusDoc, GoldSpan } from './types.ts';

export const NOTE_STYLES: readonly string[] = STYLES.map((s) => s.name);

export interface GenerateCorpusOptions {
  seed: number;
  count: number;
  /** Restrict to these style names (default: all of NOTE_STYLES). */
  styles?: readonly string[];
}

export function generateCorpus(options: GenerateCorpusOptions): CorpusDoc[] {
  const styles = pickStyles(options.styles);
  const order = new Rng(mixSeed(options.seed, 0x5eed));
  const docs: CorpusDoc[] = [];
  // Styles come round-robin in a shuffled order, so every style appears once count >= the number of styles.
  let cycle: NoteStyle[] = [];
  for (let i = 0; i < options.count; i++) {
    if (cycle.length === 0) cycle = order.shuffle(styles);
    const style = cycle.pop() as NoteStyle;
    docs.push(generateDoc(style, options.seed, i));
  }
  return docs;
}

function pickStyles(names: readonly string[] | undefined): NoteStyle[] {
  if (!names || names.length === 0) return [...STYLES];
  return names.map((name) => {
    const style = STYLES.find((s) => s.name === name);
    if (!style) throw new Error(`Unknown note style "${name}". Known: ${NOTE_STYLES.join(', ')}`);
    return style;
  });
}

export function generateDoc(style: NoteStyle, seed: number, index: number): CorpusDoc {
  const rng = new Rng(mixSeed(seed, index, hashString(style.name)));
  const anchor = randomAnchor(rng);
  const ctx: StyleContext = {
    rng,
    b: new NoteBuilder(rng.fork()),
    cast: makeCast(rng, anchor),
    anchor,
    phiScale: rng.chance(style.zeroPhiRate) ? 0 : 1,
    size: rng.weighted(style.sizes),
    hospital: hospitalName(rng),
    memo: new Map(),
  };
  const mode = style.generate(ctx);
  return ctx.b.build(`${style.name}-${seed}-${String(index).padStart(5, '0')}`, style.name, mode);
}

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) >>> 0;
  return h;
}
