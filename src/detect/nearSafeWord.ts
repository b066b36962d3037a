import type { Lexicon } from './Lexicon.ts';

/**
 * A misspelling of a clinical word (a letter dropped, doubled or swapped with its neighbour) or a compound
 * of two (a device or charting-system name). Not a changed letter: one in four surnames is a changed letter
 * away from some whitelist word. Callers ask only where a slip is likely (a line start, after "ms"); the
 * answer is cached per word.
 */
export function nearSafeWord(word: string, lexicon: Lexicon): boolean {
  let cache = caches.get(lexicon);
  if (!cache) caches.set(lexicon, (cache = new Map()));
  let near = cache.get(word);
  if (near === undefined) {
    // Notes repeat their words: each distinct word is tried once (about 30 look-ups per letter).
    if (cache.size > 100_000) cache.clear();
    near = computeNearSafeWord(word, lexicon);
    cache.set(word, near);
  }
  return near;
}

const caches = new WeakMap<Lexicon, Map<string, boolean>>();

function computeNearSafeWord(word: string, lexicon: Lexicon): boolean {
  const safe = lexicon.safeWords;
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return false;
  for (let i = 0; i < word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i + 1);
    if (safe.has(head + tail)) return true; // one letter too many
    if (i + 1 < word.length && safe.has(head + word[i + 1] + word[i] + word.slice(i + 2))) return true; // swapped
    for (let c = 97; c <= 122; c++) {
      if (safe.has(head + String.fromCharCode(c) + word.slice(i))) return true; // one letter missing
    }
  }
  for (let i = 4; i <= word.length - 4; i++) {
    if (safe.has(word.slice(0, i)) && safe.has(word.slice(i)) && !lexicon.firstNames.has(word.slice(0, i))) return true;
  }
  return false;
}
