import { fastLetters } from './fastLetters.ts';

/** Small look-behind and look-ahead helpers shared by the recognizers. They read raw text near an offset. */

const WORD_BEFORE = fastLetters(/[\p{L}\p{N}#'’./&-]+/gu);

/** The lower-case words in the `count` words before `offset`, nearest first (punctuation stripped). */
export function wordsBefore(text: string, offset: number, count: number): string[] {
  const window = text.slice(Math.max(0, offset - 48), offset);
  const words = [...window.matchAll(WORD_BEFORE)].map((m) => m[0].toLowerCase().replace(/^[.'’-]+|[.:'’-]+$/g, ''));
  return words
    .filter((w) => w.length > 0)
    .slice(-count)
    .reverse();
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
  const { words, phrases } = splitCues(cues);
  for (let k = 0; k < count && k < before.length; k++) if (words.has(before[k] as string)) return true;
  for (const cue of phrases) {
    const phrase = before
      .slice(0, cue.split(' ').length + count - 1)
      .reverse()
      .join(' ');
    if (phrase.includes(cue)) return true;
  }
  return false;
}

const splitCache = new WeakMap<readonly string[], { words: ReadonlySet<string>; phrases: readonly string[] }>();

/** One-word cues as a set and phrases apart, once per cue list: this runs for every candidate date and place. */
function splitCues(cues: readonly string[]): { words: ReadonlySet<string>; phrases: readonly string[] } {
  let split = splitCache.get(cues);
  if (!split) {
    split = { words: new Set(cues.filter((c) => !c.includes(' '))), phrases: cues.filter((c) => c.includes(' ')) };
    splitCache.set(cues, split);
  }
  return split;
}
