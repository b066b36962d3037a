// Philter whitelist words (real non-PHI vocabulary the detector's authors did not choose) placed in
// neutral clinical slots. Whatever the word, the slot makes it clinical content, never PHI.
import type { Rng } from '../corpus/random.ts';
import { neutral, type Frag, type NeutralPiece } from './ShorthandBuilder.ts';

type Slot = (a: NeutralPiece, b: NeutralPiece) => Frag;

const INLINE: Slot[] = [
  (a) => ['pt given ', a],
  (a) => [a, ' noted'],
  (a) => ['cont ', a],
  (a, b) => [a, ' -> ', b],
  (a) => ['c/o ', a],
  (a) => ['? ', a],
  (a) => [a, ' x2'],
  (a) => ['s/p ', a],
  (a) => ['r/o ', a],
  (a) => ['h/o ', a],
  (a) => ['w/ ', a],
  (a) => ['no ', a],
  (a) => [a, ' neg'],
  (a) => [a, ' wnl'],
  (a) => [a, ' improving'],
  (a) => ['d/w team re ', a],
  (a) => ['+', a],
  (a) => ['f/u ', a],
  (a) => ['started on ', a],
  (a) => [a, " d/c'd"],
  (a) => [a, ' stable'],
  (a, b) => ['?', a, ' vs ', b],
  (a) => [a, ' cont'],
  (a) => ['pt refused ', a],
  (a) => [a, ' prn'],
  (a) => ['resumed ', a],
];

/** A slot that opens a line, the way nurses start a line with a heading or a finding: "X: Y", "X - Y". */
const LINE_START: Slot[] = [
  (a, b) => [a, ': ', b],
  (a) => [a, ': unchanged'],
  (a) => [a, ' - cont'],
  (a, b) => [a, '/', b, ' noted'],
  (a) => ['Plan: ', a],
];

/** Lower case mostly; some Capitalised or UPPER, as in mixed-case notes. */
export function casedWord(rng: Rng, word: string): string {
  const r = rng.next();
  if (r < 0.6) return word;
  if (r < 0.85) return word.charAt(0).toUpperCase() + word.slice(1);
  return word.toUpperCase();
}

function fill(rng: Rng, words: readonly string[], slots: readonly Slot[]): Frag {
  const w = () => neutral(casedWord(rng, rng.pick(words)));
  return rng.pick(slots)(w(), w());
}

export const inlineSlot = (rng: Rng, words: readonly string[]): Frag => fill(rng, words, INLINE);
export const lineStartSlot = (rng: Rng, words: readonly string[]): Frag => fill(rng, words, LINE_START);
