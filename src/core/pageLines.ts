import type { OcrWord } from './Image.ts';

/** One printed line of a page: its words (indexes, in reading order) split into cells at column gaps. */
export interface PageLine {
  blockId: string;
  cells: number[][];
}

/**
 * Groups words in reading order into lines (same block and line id) and each line into cells. A line the
 * engine made of two printed lines (on a skewed page it reads across the columns of a form: "Ordering:
 * Collected: Dr. December Zawadi 20, Powell 2018") is split back into them first.
 */
export function toLines(words: readonly OcrWord[]): PageLine[] {
  const skew = pageSkew(words);
  return lineGroups(words)
    .flatMap((group) => splitInterleaved(group, words, skew))
    .map((line) => ({ blockId: (words[line[0] as number] as OcrWord).blockId, cells: toCells(line, words) }));
}

/** Indexes of consecutive words with the same block and line id. */
function lineGroups(words: readonly OcrWord[]): number[][] {
  const groups: number[][] = [];
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (!previous || previous.blockId !== word.blockId || previous.lineId !== word.lineId) groups.push([i]);
    else (groups[groups.length - 1] as number[]).push(i);
  });
  return groups;
}

function toCells(line: readonly number[], words: readonly OcrWord[]): number[][] {
  const cells: number[][] = [];
  line.forEach((i, k) => {
    const previous = words[line[k - 1] ?? -1];
    if (previous && !columnGap(previous, words[i] as OcrWord, words[line[k - 2] ?? -1]))
      (cells[cells.length - 1] as number[]).push(i);
    else cells.push([i]);
  });
  return cells;
}

/**
 * A line's words split where their heights on the page (measured square to the page's skew) jump by more
 * than three quarters of a word's height: two printed lines read as one. Each part keeps its words' order.
 */
function splitInterleaved(line: number[], words: readonly OcrWord[], skew: number): number[][] {
  if (line.length < 2 || printedSideways(line.map((i) => words[i] as OcrWord))) return [line];
  const slope = Math.tan(skew);
  const level = (i: number): number => {
    const b = (words[i] as OcrWord).box;
    return b.top + b.height / 2 - slope * (b.left + b.width / 2);
  };
  const sorted = [...line].sort((a, b) => level(a) - level(b));
  let at = -1;
  let widest = 0.75 * median(line.map((i) => words[i] as OcrWord));
  for (let k = 1; k < sorted.length; k++) {
    const jump = level(sorted[k] as number) - level(sorted[k - 1] as number);
    if (jump > widest) [at, widest] = [k, jump];
  }
  if (at < 0) return [line];
  const upper = new Set(sorted.slice(0, at));
  return [
    ...splitInterleaved(
      line.filter((i) => upper.has(i)),
      words,
      skew,
    ),
    ...splitInterleaved(
      line.filter((i) => !upper.has(i)),
      words,
      skew,
    ),
  ];
}

/**
 * Words printed up or down the page (a page scanned sideways, read turned): their boxes are taller than
 * wide, and a line's words share a column, not a row. Such a line is left as the engine read it.
 */
function printedSideways(line: readonly OcrWord[]): boolean {
  const long = line.filter((w) => [...w.text].length >= 3);
  return long.length > 0 && long.filter((w) => w.box.height > w.box.width).length * 2 > long.length;
}

/** The page's skew in radians: the median slope of the top edge of long words' outlines (0 without any). */
function pageSkew(words: readonly OcrWord[]): number {
  const angles = words
    .filter((w) => w.polygon.length === 4 && w.box.width >= 3 * w.box.height)
    .map((w) =>
      Math.atan2(
        (w.polygon[1] as { y: number }).y - (w.polygon[0] as { y: number }).y,
        (w.polygon[1] as { x: number }).x - (w.polygon[0] as { x: number }).x,
      ),
    )
    .sort((a, b) => a - b);
  return angles[Math.floor(angles.length / 2)] ?? 0;
}

/**
 * OCR often reads two columns as one line ("502 Garden Place      Tel: 555-0143"). A gap wider than
 * one and a half line heights is a column break. After a label ("Age:      85") the gap only aligns
 * the value, which stays in the label's cell.
 */
function columnGap(previous: OcrWord, word: OcrWord, beforePrevious: OcrWord | undefined): boolean {
  const height = Math.max(previous.box.height, word.box.height);
  const gap = word.box.left - (previous.box.left + previous.box.width);
  return (
    gap > 1.5 * height &&
    !previous.text.endsWith(':') &&
    !(gap < 4 * height && isTitleBeforeName(previous, word, beforePrevious))
  );
}

const TITLE = /^(?:dr|mr|mrs|ms|mx|miss|prof|rev)\.?$/i;

/**
 * "Prescriber: Dr.      Ward": a short gap after a title is where OCR dropped an initial it could not
 * read, not a column break. After a capitalised word or a number ("160 Holly Dr      June 3") the
 * "Dr" ends a street.
 */
function isTitleBeforeName(title: OcrWord, word: OcrWord, beforeTitle: OcrWord | undefined): boolean {
  const streetBefore =
    beforeTitle !== undefined && /^[\p{Lu}\d]/u.test(beforeTitle.text) && !beforeTitle.text.endsWith(':');
  return TITLE.test(title.text) && /^\p{Lu}/u.test(word.text) && !streetBefore;
}

/**
 * A cell that reads as a form label: a few words, no digits ("Date of birth", "Emergency contact",
 * "Occupation:"). A table's first column of them labels the next column; a row of them labels the row
 * below.
 */
export function isLabelCell(cell: readonly OcrWord[]): boolean {
  if (cell.length === 0 || cell.length > 4) return false;
  const text = cell.map((w) => w.text).join(' ');
  return /^\p{L}[\p{L} .'/#()-]*:?$/u.test(text) && /[\p{L}.#):]$/u.test(text);
}

/**
 * The first cell of line `i` labels the cell beside it ("Date of birth | 1/13/1982" in a ruled table): it
 * reads as a label, and so does the first cell of a line next to it, printed in the same column. One row
 * alone is not enough: a title and a heading ("Lutheran Memorial Hospital      Discharge Summary") or a
 * name and a place in a radiograph's corner look like a label and its value too.
 */
export function labelsBeside(lines: readonly PageLine[], i: number, words: readonly OcrWord[]): boolean {
  const first = labelColumnCell(lines[i], words);
  if (!first) return false;
  return [lines[i - 1], lines[i + 1]].some((line) => {
    const other = labelColumnCell(line, words);
    if (!other) return false;
    const height = Math.max(median(first), median(other));
    return Math.abs(span(first)[0] - span(other)[0]) <= height;
  });
}

/** The first cell of a line of two or more cells, when it reads as a label. */
function labelColumnCell(line: PageLine | undefined, words: readonly OcrWord[]): OcrWord[] | undefined {
  if (!line || line.cells.length < 2) return undefined;
  const cell = (line.cells[0] as number[]).map((j) => words[j] as OcrWord);
  return isLabelCell(cell) ? cell : undefined;
}

/**
 * A row of captions with their values on the line below, cell under cell ("Last name:   First name:" over
 * "Desai   Parvati"): the labels end in colons or are printed smaller than the values, the next line
 * starts within two of this line's heights below it, has as many cells, and each value cell starts under
 * its label (within one line height) or overlaps it.
 */
export function labelsAbove(line: PageLine, next: PageLine, words: readonly OcrWord[]): boolean {
  const cellsOf = (l: PageLine): OcrWord[][] => l.cells.map((c) => c.map((i) => words[i] as OcrWord));
  const labels = cellsOf(line);
  const values = cellsOf(next);
  if (labels.length !== values.length || !labels.every(isLabelCell)) return false;
  // A table's rows ("Last name | Ann Lee" over "First name | Ann") look alike: only captions ("Name:", or
  // printed smaller than what is written under them) make a row of labels.
  const captions =
    labels.every((cell) => cell[cell.length - 1]?.text.endsWith(':')) ||
    capHeight(labels.flat()) < 0.85 * capHeight(values.flat());
  if (!captions) return false;
  const height = Math.max(...labels.flat().map((w) => w.box.height));
  const bottom = Math.max(...labels.flat().map((w) => w.box.top + w.box.height));
  const top = Math.min(...values.flat().map((w) => w.box.top));
  if (top < bottom - height / 2 || top > bottom + 2 * height) return false;
  return labels.every((label, j) => {
    const [l0, l1] = span(label);
    const [v0, v1] = span(values[j] as OcrWord[]);
    return Math.abs(v0 - l0) <= height || (v0 < l1 && v1 > l0);
  });
}

/**
 * The median height of words that reach from the baseline to capital height and no lower ("Date", "83",
 * "ND"): the size of type, which a word's box alone hides ("Age" over "Fargo" both hang below the line).
 * The median of all words when none qualifies.
 */
function capHeight(words: readonly OcrWord[]): number {
  const capped = words.filter((w) => /^[\p{Lu}\p{N}][^gjpqy,;()[\]{}|_@/]*$/u.test(w.text));
  return median(capped.length > 0 ? capped : words);
}

/** The median word height. */
function median(words: readonly OcrWord[]): number {
  const heights = words.map((w) => w.box.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

function span(cell: readonly OcrWord[]): [number, number] {
  return [Math.min(...cell.map((w) => w.box.left)), Math.max(...cell.map((w) => w.box.left + w.box.width))];
}
