import { utf8Length } from '../../core/utf8Length.ts';

/** A piece of a longer text: `text === whole.slice(start, start + text.length)`. */
export interface TextChunk {
  /** Offset of the chunk in the whole text (UTF-16 code units). */
  start: number;
  text: string;
}

export interface SplitOptions {
  /** Most UTF-8 bytes per chunk. */
  maxBytes: number;
  /** Characters each chunk repeats from the end of the previous one, so an entity cut by a boundary is seen whole once. */
  overlapChars: number;
}

const SENTENCE_END = /[.!?]/;
const SPACE = /\s/;

/**
 * Splits `text` into chunks of at most `maxBytes` UTF-8 bytes for DetectPHI. A chunk ends at the last
 * sentence boundary (after `.`, `!` or `?` and whitespace, or after a newline) in the second half of
 * the window, else at the last whitespace there, else at a hard cut, which falls between code points
 * (a surrogate pair is never split: half of one would reach the service as U+FFFD). The next chunk
 * starts `overlapChars` before the cut, moved back to the start of a word, so the words around
 * every boundary are sent whole at least once. A text within the limit is one chunk.
 *
 * `overlapChars` is capped at maxBytes / 16 so that the repeated part (at most two overlaps of 4-byte
 * characters) never fills more than half a chunk: every chunk advances past the previous cut.
 */
export function splitForDetectPhi(text: string, options: SplitOptions): TextChunk[] {
  const { maxBytes } = options;
  if (!Number.isInteger(maxBytes) || maxBytes < 64) throw new RangeError('maxBytes must be an integer of at least 64');
  if (utf8Length(text) <= maxBytes) return [{ start: 0, text }];
  const overlap = Math.max(0, Math.min(Math.floor(options.overlapChars), Math.floor(maxBytes / 16)));
  const chunks: TextChunk[] = [];
  let start = 0;
  let previousCut = 0;
  for (;;) {
    const hardEnd = endWithinBytes(text, start, maxBytes);
    if (hardEnd >= text.length) {
      chunks.push({ start, text: text.slice(start) });
      return chunks;
    }
    const floor = Math.max(previousCut, start) + Math.ceil((hardEnd - Math.max(previousCut, start)) / 2);
    const cut = lastSentenceEnd(text, floor, hardEnd) ?? lastSpace(text, floor, hardEnd) ?? hardEnd;
    chunks.push({ start, text: text.slice(start, cut) });
    previousCut = cut;
    let next = codePointBoundary(text, cut - overlap);
    if (next <= start) next = cut;
    start = wordStart(text, next, Math.max(start + 1, cut - 2 * overlap));
  }
}

/** The largest end such that text.slice(start, end) has at most maxBytes UTF-8 bytes, on a code point boundary. */
function endWithinBytes(text: string, start: number, maxBytes: number): number {
  let bytes = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return i;
}

/** The last position p in (floor, end] right after a sentence end and its whitespace, or after a newline. */
function lastSentenceEnd(text: string, floor: number, end: number): number | undefined {
  for (let p = end; p > floor; p--) {
    const before = text[p - 1] ?? '';
    if (before === '\n') return p;
    if (SPACE.test(before) && p >= 2 && SENTENCE_END.test(text[p - 2] ?? '')) return p;
  }
  return undefined;
}

/** The last position p in (floor, end] right after whitespace. */
function lastSpace(text: string, floor: number, end: number): number | undefined {
  for (let p = end; p > floor; p--) if (SPACE.test(text[p - 1] ?? '')) return p;
  return undefined;
}

/** `p`, moved back by one when it falls between the halves of a surrogate pair. */
function codePointBoundary(text: string, p: number): number {
  const c = text.charCodeAt(p);
  const before = text.charCodeAt(p - 1);
  return (c & 0xfc00) === 0xdc00 && (before & 0xfc00) === 0xd800 ? p - 1 : p;
}

/** The start of the word containing p (no earlier than `floor`): a chunk should not begin mid-word. */
function wordStart(text: string, p: number, floor: number): number {
  for (let q = p; q > floor; q--) if (SPACE.test(text[q - 1] ?? '')) return q;
  return p;
}
