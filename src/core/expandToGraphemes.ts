/** A half-open range of JavaScript string offsets (UTF-16 code units). */
export interface OffsetRange {
  begin: number;
  end: number;
}

// Node 20's Intl.Segmenter spends time proportional to the WHOLE string on every segment it yields,
// so segmenting a 1,000,000-character note outright takes hours. We therefore segment only short
// windows that start at a position known to be a boundary: UAX #29 decides every break from the
// characters to its left within the current cluster, so such a window yields exactly the boundaries
// a whole-text segmentation would (apart from its own end, which we never trust unless proven).
const WINDOW = 64;
const CR = 0x0d;
const LF = 0x0a;
// Characters that may attach to an ASCII predecessor (GB9 Extend/ZWJ, GB9a SpacingMark). Deliberately
// broader than the Unicode property so a newer Unicode version cannot make it unsafe.
const MAY_ATTACH = /\p{M}|\u200D|[\u200C\u0E33\u0EB3\uFF9E\uFF9F]/u;

let segmenter: Intl.Segmenter | undefined;

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

function splitsSurrogatePair(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * True only where a grapheme boundary is certain from the two neighbouring code units alone; false
 * means "unknown", never "not a boundary". Checked for every BMP neighbour against ICU 78 (Node 20).
 */
function isSureBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  if (before === CR) return after !== LF; // GB3, GB4
  if (before === LF || after === CR || after === LF) return true; // GB4, GB5
  // An ASCII character is held on to only by a Prepend character (GB9b); all of those lie at or
  // above U+0600 (or are astral) so anything below is safe.
  if (after < 0x80) return before < 0x0600;
  if (before < 0x80) return !isSurrogate(after) && !MAY_ATTACH.test(text[i] ?? '');
  return false;
}

/** Largest boundary <= p and smallest boundary >= p, given a true boundary `known` <= p. */
function snap(text: string, p: number, known: number): [number, number] {
  if (p === known || isSureBoundary(text, p)) return [p, p];
  let start = p - 1;
  while (start > known && !isSureBoundary(text, start)) start--;
  let window = WINDOW;
  for (;;) {
    // The window must not cut a surrogate pair: the half left inside would read as a character of
    // its own and start a cluster, a false boundary.
    let stop = start + 1;
    while (
      stop < text.length &&
      (stop <= p || !isSureBoundary(text, stop)) &&
      (stop - start < window || splitsSurrogatePair(text, stop))
    ) {
      stop++;
    }
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const bounds: number[] = [];
    for (const { index } of segmenter.segment(text.slice(start, stop))) bounds.push(start + index);
    if (isSureBoundary(text, stop)) bounds.push(stop);
    let floor = start;
    for (const b of bounds) {
      if (b >= p) return [b === p ? p : floor, b];
      floor = b;
    }
    // Every boundary found lies before p: go on from the last one, or, if a single cluster filled
    // the whole window, look further.
    if (floor > start) {
      start = floor;
      window = WINDOW;
    } else {
      window *= 2;
    }
  }
}

/**
 * Widens every range outward to whole grapheme clusters, so a surrogate pair, a base character with
 * its combining marks, an emoji ZWJ sequence or a CRLF is never split. Cost grows with the ranges'
 * surroundings, not with the text, except in long runs of text without any ASCII.
 */
export function expandToGraphemes<T extends OffsetRange>(text: string, ranges: readonly T[]): T[] {
  const positions = [...new Set(ranges.flatMap((r) => [r.begin, r.end]))].sort((a, b) => a - b);
  const snapped = new Map<number, [number, number]>();
  let known = 0;
  for (const p of positions) {
    const bounds = snap(text, p, known);
    snapped.set(p, bounds);
    known = bounds[0];
  }
  return ranges.map((r) => ({
    ...r,
    begin: snapped.get(r.begin)?.[0] ?? r.begin,
    end: snapped.get(r.end)?.[1] ?? r.end,
  }));
}
