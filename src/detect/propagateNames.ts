import type { Candidate } from './Candidate.ts';

/** A name found with at least this score is taken wherever else the text writes it. */
const SOURCE_SCORE = 0.7;
/** The score of a name taken from another mention: the mention that named it vouches for it. */
const ECHO_SCORE = 0.8;
const WORD = /\p{L}[\p{L}'’-]*/gu;

/**
 * A person named once with confidence is named again later, often where nothing around the word says
 * "name": "Re: Ruby Iron, DOB 1/4/1958 ... the notes and labs for Ruby Iron (she is 56)", a relative in
 * the header and again in the plan, the patient in the banner and in the body of a screenshot. Every
 * other mention of a found name is taken too: the whole name wherever it is written (any case), and
 * each of its words that is no everyday, safe or clinical word ("Iron" of "Ruby Iron" is) where it is
 * written with a capital. `resolved` is the detector's resolved list; the result is sorted by start.
 */
export function propagateNames(
  text: string,
  resolved: readonly Candidate[],
  isOrdinaryWord: (word: string) => boolean,
): Candidate[] {
  const sources = resolved.filter((c) => c.type === 'NAME' && c.score >= SOURCE_SCORE);
  if (sources.length === 0) return [...resolved];
  const names = new Set(sources.map((c) => text.slice(c.start, c.end).toLowerCase()).filter((n) => /\s/.test(n)));
  const words = new Set(
    sources
      .flatMap((c) => text.slice(c.start, c.end).match(WORD) ?? [])
      .map((w) => w.toLowerCase())
      .filter((w) => w.length >= 3 && !isOrdinaryWord(w)),
  );
  let kept = [...resolved];
  const add = (start: number, end: number): void => {
    const overlapping = kept.filter((c) => c.start < end && start < c.end);
    // A weaker guess at a name there ("Ruby" at 0.45) is taken in, whole ("RODRIGUEZ, MAEVE G" keeps its
    // initial); anything else found there stays as it is.
    if (overlapping.some((c) => c.type !== 'NAME' || c.score >= ECHO_SCORE)) return;
    const from = Math.min(start, ...overlapping.map((c) => c.start));
    const to = Math.max(end, ...overlapping.map((c) => c.end));
    kept = [...kept.filter((c) => !overlapping.includes(c)), { start: from, end: to, type: 'NAME', score: ECHO_SCORE }];
  };
  const lower = text.toLowerCase();
  for (const name of names) {
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
      if (isWordBoundary(text, at - 1) && isWordBoundary(text, at + name.length)) add(at, at + name.length);
    }
  }
  if (words.size > 0)
    for (const m of text.matchAll(WORD))
      if (words.has(m[0].toLowerCase()) && /^\p{Lu}/u.test(m[0])) add(m.index, m.index + m[0].length);
  return kept.sort((a, b) => a.start - b.start);
}

function isWordBoundary(text: string, at: number): boolean {
  return at < 0 || at >= text.length || !/[\p{L}\p{N}]/u.test(text[at] as string);
}
