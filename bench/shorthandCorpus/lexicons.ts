// The word samples committed in data/ (built by buildLexicons.ts from Philter's lists; BSD-3, see README.md).
import { readFileSync } from 'node:fs';

export interface ShorthandLexicons {
  /** Lower-case non-PHI words from real clinical notes, for neutral slots. */
  neutralWords: readonly string[];
  /** Capitalised ("Aahana"). */
  firstNames: readonly string[];
  lastNames: readonly string[];
}

const readList = (file: string): string[] =>
  readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

let cached: ShorthandLexicons | undefined;

export function lexicons(): ShorthandLexicons {
  cached ??= {
    neutralWords: readList('neutral-words.txt'),
    firstNames: readList('first-names.txt').map(capitalise),
    lastNames: readList('last-names.txt').map(capitalise),
  };
  return cached;
}
