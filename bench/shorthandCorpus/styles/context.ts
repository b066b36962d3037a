import type { Rng } from '../../corpus/random.ts';
import type { Day } from '../dates.ts';
import type { ShorthandLexicons } from '../lexicons.ts';
import type { ShorthandCast } from '../people.ts';
import type { Institution } from '../places.ts';
import type { Frag, LineCase, ShorthandBuilder } from '../ShorthandBuilder.ts';

/** What a style generator gets: one document's randomness, builder, people, places and dates. */
export interface StyleContext {
  rng: Rng;
  b: ShorthandBuilder;
  lex: ShorthandLexicons;
  cast: ShorthandCast;
  /** The day the note is about (admission or visit). */
  anchor: Day;
  /** This hospital, an outside hospital, a rehab or nursing home. */
  hospital: Institution;
  outside: Institution;
  facility: Institution;
  /** Length to write up to before the closing lines (the doc stays within 300–2500 chars). */
  target: number;
  /** False for the few notes with no PHI at all. */
  withPhi: boolean;
}

export interface ShorthandStyle {
  name: string;
  /** Share of literal and neutral words (4+ letters) that get a typo. */
  typoRate: number;
  generate(ctx: StyleContext): void;
}

/** One line; `lineCase`, when given, is set first (notes that switch case line by line). */
export function writeLine(ctx: StyleContext, frags: readonly Frag[], lineCase?: LineCase): void {
  if (lineCase) ctx.b.setCase(lineCase);
  ctx.b.add(...frags).nl();
}

/** Appends sections until the target length, then stops (sections are short, so the cap holds). */
export function fillTo(ctx: StyleContext, section: () => void): void {
  for (let guard = 0; ctx.b.length < ctx.target && guard < 200; guard++) section();
}

/** PHI only in notes that have some; `p` is its chance there. */
export const maybe = (ctx: StyleContext, p: number): boolean => ctx.withPhi && ctx.rng.chance(p);

/** Joins fragments with a separator chosen once per call: ", " or ". " or "; ". */
export function joined(rng: Rng, parts: readonly Frag[]): Frag[] {
  const sep = rng.pick([', ', ', ', '. ', '; ', ' ']);
  return parts.flatMap((p, k) => (k === 0 ? [p] : [sep, p]));
}

/** Draws items in shuffled rounds, so a long note does not repeat one line before it used them all. */
export function cycler<T>(rng: Rng, items: readonly T[]): () => T {
  let round: T[] = [];
  return () => {
    if (round.length === 0) round = rng.shuffle(items);
    return round.pop()!;
  };
}
