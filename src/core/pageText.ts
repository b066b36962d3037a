import type { OcrWord, PixelBox, Point } from './Image.ts';

/** A page's words as one text, each word once, with where each word sits in it. */
export interface PageText {
  text: string;
  /** `starts[i]` is where word i begins in `text`; it ends at `starts[i] + words[i].text.length`. */
  starts: number[];
}

/**
 * Rebuilds the text of a page from its words in reading order: words of a line joined by spaces, lines
 * by a line break, blocks by a blank line, so the detector sees sentences and form rows as they are
 * printed and each word exactly once (the original solution sent every word twice, in its line and alone).
 */
export function buildPageText(words: readonly OcrWord[]): PageText {
  const parts: string[] = [];
  const starts: number[] = [];
  let length = 0;
  let lineStart = 0;
  let firstCell = true;
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (previous) {
      let separator: string;
      if (previous.blockId !== word.blockId || previous.lineId !== word.lineId) {
        separator = previous.blockId !== word.blockId ? '\n\n' : lineBreak(previous);
        [lineStart, firstCell] = [i, true];
      } else if (columnGap(previous, word)) {
        separator = firstCell && !word.text.endsWith(':') && isLabelCell(words.slice(lineStart, i)) ? ': ' : ' | ';
        firstCell = false;
      } else {
        separator = splitToken(previous, word) ? '' : ' ';
      }
      parts.push(separator);
      length += separator.length;
    }
    starts.push(length);
    parts.push(word.text);
    length += word.text.length;
  });
  return { text: parts.join(''), starts };
}

/**
 * A form's label ends its line and the value sits on the next ("Occupation:" above "Welder"): the two are
 * joined by a space so the detector reads the label as the value's cue, as it does on one line.
 */
function lineBreak(previous: OcrWord): string {
  return previous.text.endsWith(':') ? ' ' : '\n';
}

/**
 * OCR often reads two columns as one line ("502 Garden Place      Tel: 555-0143"). A gap wider than
 * one and a half line heights is a column break, written as " | ", which the detector reads as a
 * separator, so an address does not run into the next column. After a label ("Age:      85") the gap
 * only aligns the value, which stays attached.
 */
function columnGap(previous: OcrWord, word: OcrWord): boolean {
  const gap = word.box.left - (previous.box.left + previous.box.width);
  return gap > 1.5 * Math.max(previous.box.height, word.box.height) && !previous.text.endsWith(':');
}

/**
 * A table's first column of labels without colons ("Date of birth" in one cell, the date in the next):
 * a short cell of words, no digits, starting its line. Followed by a column gap, it is written as a
 * label ("Date of birth: ...") so the detector's label cues work as they do on "Age: 74"; not when the
 * next cell is itself a label ("Ann Lee      Tel: 555-0143": two columns, not a label and its value).
 */
function isLabelCell(cell: readonly OcrWord[]): boolean {
  if (cell.length === 0 || cell.length > 4) return false;
  const text = cell.map((w) => w.text).join(' ');
  return /^\p{L}[\p{L} .'/#()-]*$/u.test(text) && /[\p{L}.#)]$/u.test(text);
}

/**
 * OCR splits links, e-mail addresses and IDs at ".", "@", "/", "-" and "_" ("jo.lee" "@" "mail.org").
 * Two words that touch (a gap under a fifth of the line height, far less than a space) with such a mark
 * between them are one token: joined without a space, the detector sees the whole address and every
 * piece of it is masked.
 */
function splitToken(previous: OcrWord, word: OcrWord): boolean {
  const gap = word.box.left - (previous.box.left + previous.box.width);
  if (gap > 0.2 * Math.max(previous.box.height, word.box.height)) return false;
  return /[.@/_-]$/.test(previous.text) || /^[.@/_-]/.test(word.text);
}

/**
 * The words a span of the page text overlaps, even by one character: a span across two words or two
 * lines covers all of them (the original solution masked only the word holding the span's first character).
 */
export function wordsInSpan(page: PageText, words: readonly OcrWord[], begin: number, end: number): number[] {
  const covered: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const start = page.starts[i] ?? 0;
    if (start < end && start + (words[i]?.text.length ?? 0) > begin) covered.push(i);
  }
  return covered;
}

/**
 * A word's outline grown by `padding` pixels on every side, then clamped to the image. Each edge moves
 * out along its own normal and corners meet where the moved edges do (a miter), so a wide word grows
 * as much in height as in width, and a rotated word stays rotated. Outlines from OCR are convex.
 */
export function padPolygon(polygon: readonly Point[], padding: number, width: number, height: number): Point[] {
  const grown = isDegenerate(polygon) ? boxCorners(boundsOf(polygon), padding) : offsetEdges(polygon, padding);
  return grown.map((p) => ({ x: clamp(p.x, 0, width), y: clamp(p.y, 0, height) }));
}

function offsetEdges(polygon: readonly Point[], distance: number): Point[] {
  const n = polygon.length;
  // Outward normals depend on the winding; on screen (y down) a positive shoelace sum is clockwise.
  let twiceArea = 0;
  for (let i = 0; i < n; i++) {
    const a = polygon[i] as Point;
    const b = polygon[(i + 1) % n] as Point;
    twiceArea += a.x * b.y - b.x * a.y;
  }
  const sign = twiceArea > 0 ? 1 : -1;
  const normal = (a: Point, b: Point): Point => {
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    return { x: (sign * (b.y - a.y)) / length, y: (-sign * (b.x - a.x)) / length };
  };
  return polygon.map((p, i) => {
    const n1 = normal(polygon[(i - 1 + n) % n] as Point, p);
    const n2 = normal(p, polygon[(i + 1) % n] as Point);
    const miter = distance / (1 + n1.x * n2.x + n1.y * n2.y || 1);
    return { x: p.x + (n1.x + n2.x) * miter, y: p.y + (n1.y + n2.y) * miter };
  });
}

/** Fewer than three corners, or no area (a word one pixel high): grow its box instead. */
function isDegenerate(polygon: readonly Point[]): boolean {
  if (polygon.length < 3) return true;
  const box = boundsOf(polygon);
  return box.width < 1 || box.height < 1;
}

function boxCorners(box: PixelBox, padding: number): Point[] {
  const left = box.left - padding;
  const top = box.top - padding;
  const right = box.left + box.width + padding;
  const bottom = box.top + box.height + padding;
  return [{ x: left, y: top }, { x: right, y: top }, { x: right, y: bottom }, { x: left, y: bottom }];
}

/** The axis-aligned box around a polygon. */
export function boundsOf(polygon: readonly Point[]): PixelBox {
  const xs = polygon.map((p) => p.x);
  const ys = polygon.map((p) => p.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
