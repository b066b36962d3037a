import type { OcrWord, PixelBox, Point } from './Image.ts';
import { labelsAbove, labelsBeside, toLines, type PageLine } from './pageLines.ts';

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
 * Form layouts are written so the detector's label cues reach their values: a label cell and the cell
 * beside it as "Label: value", a row of labels and the row under it as "Label: value | Label: value",
 * a label ending its line and the line after it as one line; other column gaps as " | ".
 */
export function buildPageText(words: readonly OcrWord[]): PageText {
  const out = new TextBuilder(words);
  const lines = toLines(words);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PageLine;
    const previous = lines[i - 1];
    if (previous)
      out.append(
        previous.blockId !== line.blockId
          ? '\n\n'
          : wrapsOn(previous, line, lines, words)
            ? ' '
            : lineBreak(words[out.lastWord] as OcrWord),
      );
    const next = lines[i + 1];
    if (next && labelsAbove(line, next, words)) {
      writePairs(out, line, next);
      i++;
    } else {
      writeLine(out, line, labelsBeside(lines, i, words));
    }
  }
  return out.page();
}

/** Cells of one line: a first cell that labels the next is joined to it as "Label: value", others by " | ". */
function writeLine(out: TextBuilder, line: PageLine, labelled: boolean): void {
  line.cells.forEach((cell, j) => {
    if (j > 0) {
      out.append(j === 1 && labelled && !out.wordAt(cell[0]).text.endsWith(':') ? ': ' : ' | ');
    }
    writeCell(out, cell);
  });
}

/** A row of labels and the row of values under it, as "Label: value | Label: value". */
function writePairs(out: TextBuilder, labels: PageLine, values: PageLine): void {
  labels.cells.forEach((label, j) => {
    if (j > 0) out.append(' | ');
    writeCell(out, label);
    out.append(out.wordAt(label[label.length - 1] as number).text.endsWith(':') ? ' ' : ': ');
    writeCell(out, values.cells[j] as number[]);
  });
}

function writeCell(out: TextBuilder, cell: readonly number[]): void {
  cell.forEach((i, k) => {
    if (k > 0) out.append(splitToken(out.wordAt(cell[k - 1] as number), out.wordAt(i)) ? '' : ' ');
    out.word(i);
  });
}

/** Appends words and separators, keeping where each word starts. */
class TextBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[];
  private length = 0;
  lastWord = -1;

  constructor(private readonly words: readonly OcrWord[]) {
    this.starts = new Array<number>(words.length).fill(0);
  }

  wordAt(i: number | undefined): OcrWord {
    return this.words[i ?? -1] as OcrWord;
  }

  append(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  word(i: number): void {
    this.starts[i] = this.length;
    this.append(this.wordAt(i).text);
    this.lastWord = i;
  }

  page(): PageText {
    return { text: this.parts.join(''), starts: this.starts };
  }
}

/** A wrapped line of prose has at least this many words (a form's row, an address line, fewer). */
const MIN_PROSE_WORDS = 6;

/**
 * A line of prose wrapped onto the next: it is one cell of six words or more that runs to its paragraph's right edge (within
 * three line heights) and ends without a stop, and the next line starts under it. Joined by a space, a
 * name or a place cut by the wrap is read whole ("Referred by Dr. Mutasa of Oklahoma City Internal
 * Medicine" / "Associates."); a short line (an address block, a heading) keeps its line break.
 */
function wrapsOn(line: PageLine, next: PageLine, lines: readonly PageLine[], words: readonly OcrWord[]): boolean {
  if (line.cells.length !== 1 || next.blockId !== line.blockId || (line.cells[0] as number[]).length < MIN_PROSE_WORDS)
    return false;
  const cell = (line.cells[0] as number[]).map((i) => words[i] as OcrWord);
  const last = cell[cell.length - 1] as OcrWord;
  if (/[.:;!?]$/.test(last.text)) return false;
  const right = (l: PageLine): number =>
    Math.max(...l.cells.flat().map((i) => (words[i] as OcrWord).box.left + (words[i] as OcrWord).box.width));
  const blockRight = Math.max(...lines.filter((l) => l.blockId === line.blockId).map(right));
  const height = Math.max(...cell.map((w) => w.box.height));
  const left = (l: PageLine): number => Math.min(...l.cells.flat().map((i) => (words[i] as OcrWord).box.left));
  return right(line) >= blockRight - 3 * height && Math.abs(left(next) - left(line)) <= 2 * height;
}

/**
 * A form's label ends its line and the value sits on the next ("Occupation:" above "Welder"): the two are
 * joined by a space so the detector reads the label as the value's cue, as it does on one line.
 */
function lineBreak(previous: OcrWord): string {
  return previous.text.endsWith(':') ? ' ' : '\n';
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
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
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
