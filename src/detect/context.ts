import { fastLetters } from './fastLetters.ts';

/** Small look-behind and look-ahead helpers shared by the recognizers. They read raw text near an offset. */

const WORD_BEFORE = fastLetters(/[\p{L}\p{N}#'’./&-]+/gu);

/** The lower-case words in the `count` words before `offset`, nearest first (punctuation stripped). */
export function wordsBefore(text: string, offset: number, count: number): string[] {
  const window = text.slice(Math.max(0, offset - 48), offset);
  const words = [...window.matchAll(WORD_BEFORE)].map((m) => m[0].toLowerCase().replace(/^[.'’-]+|[.:'’-]+$/g, ''));
  return words.filter((w) => w.length > 0).slice(-count).reverse();
}

/** The lower-case words in the `count` words after `offset`, nearest first. */
export function wordsAfter(text: string, offset: number, count: number): string[] {
  const window = text.slice(offset, offset + 60);
  const words = [...window.matchAll(WORD_BEFORE)].map((m) => m[0].toLowerCase().replace(/^[.'’-]+|[.:,'’-]+$/g, ''));
  return words.filter((w) => w.length > 0).slice(0, count);
}

/** Is one of `cues` among the `count` words before `offset`? Cues may be phrases ("seen by"). */
export function hasCueBefore(text: string, offset: number, cues: readonly string[], count: number): boolean {
  const before = wordsBefore(text, offset, count + 2);
  const near = before.slice(0, count);
  for (const cue of cues) {
    if (cue.includes(' ')) {
      const phrase = before.slice(0, cue.split(' ').length + count - 1).reverse().join(' ');
      if (phrase.includes(cue)) return true;
    } else if (near.includes(cue)) return true;
  }
  return false;
}
