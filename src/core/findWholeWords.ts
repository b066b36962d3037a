import type { OffsetRange } from './expandToGraphemes.ts';

// Only the syntax characters may be escaped under the `u` flag; escaping anything else is an error.
const SYNTAX_CHARACTERS = /[\\^$.*+?()[\]{}|/]/g;

/**
 * Every whole-word, case-insensitive occurrence of each term, sorted by position. A word boundary is
 * a neighbour that is not a Unicode letter or digit (or the start or end of the text), so "Ann" is
 * found in "Ann," but not in "Annual". Terms are trimmed; empty and whitespace-only terms are ignored.
 * Occurrences may overlap (the term "a a" occurs twice in "a a a"): callers that mask them must not
 * miss the second one.
 */
export function findWholeWords(text: string, terms: readonly string[]): OffsetRange[] {
  const found: OffsetRange[] = [];
  for (const raw of terms) {
    const term = raw.trim();
    if (term === '') continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${term.replace(SYNTAX_CHARACTERS, '\\$&')}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      found.push({ begin: match.index, end: match.index + match[0].length });
      // Restart one code point later rather than after the match, so overlapping occurrences count.
      pattern.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
    }
  }
  return found.sort((a, b) => a.begin - b.begin || a.end - b.end);
}
