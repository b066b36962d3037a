// What every ICU shorthand phrase list is built from: a phrase type, clock times, and short helpers for
// the random numbers and decimals that fill them.
import type { Rng } from '../corpus/random.ts';

export type Phrase = (rng: Rng) => string;

/** "0400", "2200", "4pm", "@ 2200" — times are never DATE. */
export function clock(rng: Rng): string {
  const h = rng.int(0, 23);
  const m = rng.pick(['00', '00', '30', '15', '45']);
  return rng.chance(0.8) ? `${String(h).padStart(2, '0')}${m}` : `${h % 12 || 12}${h < 12 ? 'am' : 'pm'}`;
}

/** A whole number from `a` to `b`. */
export const i = (rng: Rng, a: number, b: number): number => rng.int(a, b);
/** A decimal from `a` to `b` with `p` places, as a string. */
export const d = (rng: Rng, a: number, b: number, p = 1): string => rng.decimal(a, b, p);
