import type { Candidate, SafeSpan } from '../../src/detect/Candidate.ts';
import { loadLexicon } from '../../src/detect/Lexicon.ts';
import { recognizeSafeSpans } from '../../src/detect/recognizers/recognizeSafeSpans.ts';
import { tokenize, type Token } from '../../src/detect/tokenize.ts';

/** What a recognizer reads besides the text: its tokens and the eponym spans, as LocalPhiDetector gives them. */
export function prepare(text: string): { tokens: Token[]; safe: SafeSpan[] } {
  const tokens = tokenize(text);
  // The shipped word lists, as LocalPhiDetector loads them (once per process).
  return { tokens, safe: recognizeSafeSpans(text, tokens, loadLexicon()) };
}

/** A candidate as the text it covers, its type and score, for readable expectations. */
export interface Span {
  text: string;
  type: Candidate['type'];
  score: number;
}

/** The candidates in text order (ties: longer first), each as the text it covers. */
export function spans(text: string, candidates: readonly Candidate[]): Span[] {
  return [...candidates]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((c) => ({ text: text.slice(c.start, c.end), type: c.type, score: c.score }));
}

/** The texts the candidates cover, in text order. */
export function texts(text: string, candidates: readonly Candidate[]): string[] {
  return spans(text, candidates).map((s) => s.text);
}

/** The best score any candidate covering exactly `phrase` (its first occurrence) has; 0 when none does. */
export function scoreOf(text: string, candidates: readonly Candidate[], phrase: string): number {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`test bug: ${JSON.stringify(phrase)} is not in the text`);
  const exact = candidates.filter((c) => c.start === start && c.end === start + phrase.length);
  return Math.max(0, ...exact.map((c) => c.score));
}
