import type { Token } from './tokenize.ts';

/**
 * Matches of a pattern that can only start where a token starts, tried only at the tokens `canStart`
 * accepts. The same matches a global scan finds, left to right and never overlapping, without running
 * a long case-blind alternation at every word of every note. `sticky` must carry the `y` flag.
 */
export function matchAtTokens(
  text: string,
  tokens: readonly Token[],
  sticky: RegExp,
  canStart: (token: Token, text: string) => boolean,
): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let after = 0;
  for (const token of tokens) {
    if (token.start < after || !canStart(token, text)) continue;
    sticky.lastIndex = token.start;
    const match = sticky.exec(text);
    if (!match) continue;
    after = match.index + Math.max(1, match[0].length);
    matches.push(match);
  }
  return matches;
}

/**
 * A `canStart` for keyword-led patterns: the token's key is a keyword, or, where a value is glued to
 * the label ("MRN12345", "acctX9", "acctX-9"), a keyword begins the token.
 */
export function keywordStart(keywords: ReadonlySet<string>): (token: Token, text: string) => boolean {
  const longest = Math.max(...[...keywords].map((k) => k.length));
  return (token, text) =>
    keywords.has(token.key) || (mayBeGlued(token, text) && startsWithKeyword(token.key, keywords, longest));
}

function mayBeGlued(token: Token, text: string): boolean {
  const next = text[token.end];
  return !token.alpha || next === '-' || next === '/' || next === '.';
}

function startsWithKeyword(key: string, keywords: ReadonlySet<string>, longest: number): boolean {
  for (let end = Math.min(key.length - 1, longest); end > 0; end--) if (keywords.has(key.slice(0, end))) return true;
  return false;
}
