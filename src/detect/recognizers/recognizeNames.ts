import type { Candidate, SafeSpan } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import type { Token } from '../tokenize.ts';
import { extendNameRun, isInitial, JOINABLE } from './extendNameRun.ts';
import { namePrior } from './namePrior.ts';
import { nameStart } from './nameStart.ts';
import { scoreNameRun } from './scoreNameRun.ts';

/**
 * Finds runs of name-like tokens and scores each run from its tokens and the words around it: what
 * before a token says a name starts (`nameStart`), how far the name runs (`extendNameRun`), and how sure
 * the words and their context make it (`scoreNameRun`).
 */
export function recognizeNames(
  text: string,
  tokens: Token[],
  lexicon: Lexicon,
  safe: readonly SafeSpan[],
): Candidate[] {
  const blocked = insideSafeSpans(tokens, safe);
  // Words inside an eponym ("Budd-Chiari", "Parkinson's disease") never make a name unless a title forces one.
  const priors = tokens.map((t, k) => (blocked[k] ? 0 : namePrior(t, lexicon, text)));
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const start = nameStart(text, tokens, i, priors[i] ?? 0, lexicon);
    if ((priors[i] ?? 0) < JOINABLE && !start.forced) {
      i++;
      continue;
    }
    const run = extendNameRun(text, tokens, priors, i, start.titled, lexicon);
    const score = scoreNameRun(text, tokens, priors, run, start, lexicon);
    const first = tokens[run.first];
    const last = tokens[run.last];
    // A final initial keeps its period ("Maria L."): the period is part of what identifies her.
    const end =
      isInitial(last as Token) && text[(last as Token).end] === '.' ? (last as Token).end + 1 : (last as Token).end;
    if (first && last && score > 0.05)
      out.push({ start: first.start, end, type: 'NAME', score: Math.min(score, 0.99) });
    i = run.last + 1;
  }
  return out;
}

function insideSafeSpans(tokens: Token[], safe: readonly SafeSpan[]): boolean[] {
  const blocked = new Array<boolean>(tokens.length).fill(false);
  if (safe.length === 0) return blocked;
  const sorted = [...safe].sort((a, b) => a.start - b.start);
  let s = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    while (s < sorted.length && (sorted[s]?.end ?? 0) <= t.start) s++;
    for (let q = s; q < sorted.length && (sorted[q]?.start ?? 0) <= t.start; q++) {
      if ((sorted[q]?.end ?? 0) >= t.end) blocked[k] = true;
    }
  }
  return blocked;
}
