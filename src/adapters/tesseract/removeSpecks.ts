import type { GreyImage } from './GreyImage.ts';
import { labelMarks, type Mark } from './labelMarks.ts';

/**
 * A speck is a mark of at most this many pixels inside a 6 × 6 box whose dark core fits in 3 × 3: a
 * blurred dot of dust or toner. The smallest letters ("a", "I" at 10 px) have cores four pixels or more
 * across.
 */
const MAX_AREA = 30;
const MAX_SIDE = 6;
const MAX_CORE_SIDE = 3;
/**
 * And it is alone: no dark mark of three pixels or more within this many pixels. The dot of an "i", a
 * full stop or the two dots of a colon sit within a pixel or two of their letters or of each other; dust
 * does not. A blurred scan's grey grain, which clumps up to the ink threshold, has no dark core and does
 * not count as company.
 */
const ALONE_PX = 3;
const MIN_COMPANY = 3;
/** A page is noisy with at least this many specks, and one per this many pixels (1 MP: 100; A4 at 300 dpi: 435). */
const MIN_SPECKS = 100;
const PIXELS_PER_SPECK = 20_000;

/**
 * The page with specks painted white, as a new image: isolated dark dots that a scanner or a fax scatters
 * over the page. Tesseract reads them as letters and punctuation, and dense specks break its lines apart
 * (a noisy 12 px discharge summary came back as "Patent | Aessondm | 2 | Te | dee"). A median filter would
 * remove them too, with the strokes of small type (bench/README.md); this keeps every mark with a dark mark
 * within three pixels of it. Marks are what is darker than the page's Otsu threshold (as the engine will
 * binarise it: light type on a pale scan is grey, not black); a mark is dark when its core is darker than
 * halfway from that threshold to the page's darkest ink.
 */
export function removeSpecks(image: GreyImage): GreyImage {
  const { pixels, width, height } = image;
  const paper = otsuThreshold(pixels);
  const dark = Math.round((paper + darkest(pixels)) / 2);
  const { labels, marks } = labelMarks(image, paper, dark);
  const specks = [...marks.keys()].filter(
    (index) => isSmallDarkDot(marks[index] as Mark, dark) && alone(labels, marks, index, dark, width, height),
  );
  // A clean page has a few such dots, and they may be letters (a lone "a" in a light face); a noisy scan
  // has hundreds to thousands. Only a noisy page is cleaned.
  if (specks.length < Math.max(MIN_SPECKS, (width * height) / PIXELS_PER_SPECK)) return image;
  const out = Buffer.from(pixels);
  for (const index of specks) {
    const m = marks[index] as Mark;
    for (let y = m.top; y <= m.bottom; y++)
      for (let x = m.left; x <= m.right; x++) if (labels[y * width + x] === index + 1) out[y * width + x] = 255;
  }
  return { pixels: out, width, height };
}

function isSmallDarkDot(m: Mark, dark: number): boolean {
  if (m.core >= dark || m.area > MAX_AREA || m.right - m.left >= MAX_SIDE || m.bottom - m.top >= MAX_SIDE) return false;
  return m.coreRight - m.coreLeft < MAX_CORE_SIDE && m.coreBottom - m.coreTop < MAX_CORE_SIDE;
}

/** No pixel of another dark mark of MIN_COMPANY pixels or more within ALONE_PX of the mark's box. */
function alone(
  labels: Int32Array,
  marks: readonly Mark[],
  index: number,
  dark: number,
  width: number,
  height: number,
): boolean {
  const m = marks[index] as Mark;
  for (let y = Math.max(0, m.top - ALONE_PX); y <= Math.min(height - 1, m.bottom + ALONE_PX); y++) {
    for (let x = Math.max(0, m.left - ALONE_PX); x <= Math.min(width - 1, m.right + ALONE_PX); x++) {
      const other = (labels[y * width + x] as number) - 1;
      if (other < 0 || other === index) continue;
      const o = marks[other] as Mark;
      if (o.area >= MIN_COMPANY && o.core < dark) return false;
    }
  }
  return true;
}

/** The grey level of the darkest 1 % of the page's pixels (its ink, where it has any). */
function darkest(pixels: Buffer): number {
  const histogram = new Uint32Array(256);
  for (const v of pixels) histogram[v] = (histogram[v] as number) + 1;
  let count = 0;
  for (let v = 0; v < 256; v++) {
    count += histogram[v] as number;
    if (count >= pixels.length / 100) return v;
  }
  return 255;
}

/** The grey level that best splits the page into ink and paper (Otsu's method on the histogram). */
export function otsuThreshold(pixels: Buffer): number {
  const histogram = new Float64Array(256);
  for (const v of pixels) histogram[v] = (histogram[v] as number) + 1;
  const total = pixels.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * (histogram[v] as number);
  let below = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 128;
  for (let v = 0; v < 256; v++) {
    below += histogram[v] as number;
    if (below === 0 || below === total) continue;
    sumBelow += v * (histogram[v] as number);
    const meanBelow = sumBelow / below;
    const meanAbove = (sumAll - sumBelow) / (total - below);
    const between = below * (total - below) * (meanBelow - meanAbove) ** 2;
    if (between > best) [best, threshold] = [between, v + 1];
  }
  return threshold;
}
