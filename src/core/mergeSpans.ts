import type { MaskedSpan } from './MaskOptions.ts';

/** Whether `a` should name a merged span rather than `b`, which comes after it in position order. */
function outranks(a: MaskedSpan, b: MaskedSpan): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return a.end - a.begin >= b.end - b.begin;
}

/**
 * Merges overlapping and touching spans (`end === next.begin`): two masks side by side would tell a
 * reader where one finding ends and the next begins, and `[NAME][NAME]` reads worse than `[NAME]`.
 * A merged span takes the type of its highest-scoring member (ties: the longest, then the first in
 * position order) and the highest score. Returns new spans sorted by position; the input is untouched.
 */
export function mergeSpans(spans: readonly MaskedSpan[]): MaskedSpan[] {
  // Array.prototype.sort is stable, so among equal positions the caller's order decides "first".
  const sorted = [...spans].sort((a, b) => a.begin - b.begin || a.end - b.end);
  const merged: MaskedSpan[] = [];
  let current: MaskedSpan | undefined;
  let leader: MaskedSpan | undefined;
  for (const span of sorted) {
    if (current !== undefined && leader !== undefined && span.begin <= current.end) {
      current.end = Math.max(current.end, span.end);
      if (!outranks(leader, span)) leader = span;
      current.type = leader.type;
      current.score = leader.score;
      continue;
    }
    current = { begin: span.begin, end: span.end, type: span.type, score: span.score };
    leader = span;
    merged.push(current);
  }
  return merged;
}
