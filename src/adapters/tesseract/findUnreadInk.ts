import type { OcrWord, PixelBox } from '../../core/Image.ts';
import type { GreyImage } from './GreyImage.ts';
import { labelMarks, type Mark } from './labelMarks.ts';

/** Ink is this much darker than the paper at least (grey levels, after smoothing), or more on a grainy page. */
const MIN_INK_CONTRAST = 40;
/** ... or this many times the smoothed paper's own spread (robust sigma), whichever is more. */
const NOISE_MULTIPLE = 6;
/** A mark of type is this tall (pixels): smaller is dust, taller is a picture, a band or a box. */
const MIN_MARK_HEIGHT = 5;
const MAX_MARK_HEIGHT = 60;
const MIN_MARK_AREA = 8;
/** No mark of type, not even a word run together by blur, is this many times as wide as it is high: a band or a rule. */
const MAX_MARK_ASPECT = 12;
/** A mark filling this share of a box much wider than tall is a bar or a rule, not type. */
const SOLID_FILL = 0.75;
/** Marks of one line overlap vertically by this share of the smaller, and lie this many heights apart at most. */
const SAME_LINE_OVERLAP = 0.5;
const MAX_GAP_HEIGHTS = 2.5;
/** A line of type has this many marks at least and is this many times as wide as it is high. */
const MIN_LINE_MARKS = 3;
const MIN_LINE_ASPECT = 2;
/** Pixels around a word's box still counted as the word (blur spreads ink past the box the engine drew). */
const WORD_MARGIN = 3;

/**
 * Lines of type on a light page that no word was read from: the boxes of runs of ink marks (letters, or
 * words run together by blur) that lie along a line and have no word's box over their centres. Tesseract
 * thresholds a page once; light type on a grainy scan (a label's grey address line under its header, a
 * date after "Filled:") falls on the paper's side of that threshold and is never found, though a crop of it
 * read alone is. Marks are found on the page smoothed 3 × 3, which takes the grain down to a few grey levels
 * and keeps strokes a pixel wide. Boxes are in the image's pixels, upright lines only.
 */
export function findUnreadInk(
  image: GreyImage,
  words: readonly OcrWord[],
  marks: readonly Mark[] = typeMarks(image),
): PixelBox[] {
  return linesOf(marks.filter((m) => !underWord(m, words)));
}

/**
 * The marks on a light page that have the size and shape of type (letters, or words run together by blur):
 * ink on the page smoothed 3 × 3, darker than the paper by MIN_INK_CONTRAST or NOISE_MULTIPLE times its grain.
 * None on a dark page.
 */
export function typeMarks(image: GreyImage): Mark[] {
  const smooth = boxBlur(image);
  const { paper, spread } = paperLevel(smooth.pixels);
  if (paper < 128) return [];
  const ink = paper - Math.max(MIN_INK_CONTRAST, NOISE_MULTIPLE * spread);
  return labelMarks(smooth, ink, 0).marks.filter(isTypeMark);
}

function isTypeMark(m: Mark): boolean {
  const width = m.right - m.left + 1;
  const height = m.bottom - m.top + 1;
  if (height < MIN_MARK_HEIGHT || height > MAX_MARK_HEIGHT || m.area < MIN_MARK_AREA) return false;
  if (width > MAX_MARK_ASPECT * height) return false;
  return !(width > 3 * height && m.area > SOLID_FILL * width * height);
}

function underWord(m: Mark, words: readonly OcrWord[]): boolean {
  const x = (m.left + m.right) / 2;
  const y = (m.top + m.bottom) / 2;
  return words.some(
    ({ box }) =>
      x >= box.left - WORD_MARGIN &&
      x <= box.left + box.width + WORD_MARGIN &&
      y >= box.top - WORD_MARGIN &&
      y <= box.top + box.height + WORD_MARGIN,
  );
}

/** Marks chained along lines (each close beside the next, overlapping it vertically), as boxes. */
function linesOf(marks: Mark[]): PixelBox[] {
  const sorted = [...marks].sort((a, b) => a.left - b.left);
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i] as number)));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Mark;
    const h = a.bottom - a.top + 1;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as Mark;
      if (b.left - a.right > MAX_GAP_HEIGHTS * Math.max(h, b.bottom - b.top + 1)) break;
      const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
      if (overlap >= SAME_LINE_OVERLAP * Math.min(h, b.bottom - b.top + 1)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Mark[]>();
  sorted.forEach((m, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), m]));
  return [...groups.values()].filter((g) => g.length >= MIN_LINE_MARKS).flatMap((g) => lineBox(g));
}

function lineBox(group: readonly Mark[]): PixelBox[] {
  const left = Math.min(...group.map((m) => m.left));
  const top = Math.min(...group.map((m) => m.top));
  const width = Math.max(...group.map((m) => m.right)) - left + 1;
  const height = Math.max(...group.map((m) => m.bottom)) - top + 1;
  return width >= MIN_LINE_ASPECT * height ? [{ left, top, width, height }] : [];
}

/** Each pixel the mean of its 3 × 3 neighbourhood (edges: of what is inside the image). */
function boxBlur(image: GreyImage): GreyImage {
  const { pixels, width, height } = image;
  const rows = new Uint16Array(pixels.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      rows[i] =
        (pixels[i] as number) + (pixels[x > 0 ? i - 1 : i] as number) + (pixels[x + 1 < width ? i + 1 : i] as number);
    }
  const out = Buffer.allocUnsafe(pixels.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const sum =
        (rows[i] as number) +
        (rows[y > 0 ? i - width : i] as number) +
        (rows[y + 1 < height ? i + width : i] as number);
      out[i] = Math.round(sum / 9);
    }
  return { pixels: out, width, height };
}

/** The paper's grey (the commonest level of a page that is mostly paper) and its spread (1.48 × median deviation). */
function paperLevel(pixels: Buffer): { paper: number; spread: number } {
  const histogram = new Uint32Array(256);
  for (const v of pixels) histogram[v] = (histogram[v] as number) + 1;
  const paper = percentile(histogram, pixels.length, 0.5);
  const deviations = new Uint32Array(256);
  for (let v = 0; v < 256; v++)
    deviations[Math.abs(v - paper)] = (deviations[Math.abs(v - paper)] as number) + (histogram[v] as number);
  return { paper, spread: 1.4826 * percentile(deviations, pixels.length, 0.5) };
}

function percentile(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v] as number;
    if (seen > share * total) return v;
  }
  return histogram.length - 1;
}
