import type { OcrWord, PixelBox, Point } from '../../core/Image.ts';
import { clampBox, clampPoint } from '../../core/clampToImage.ts';

/** The parts of tesseract.js's `blocks` output this adapter reads (tesseract.js 7, `{ blocks: true }`). */
export interface TessBbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface TessWord {
  text: string;
  confidence: number;
  bbox: TessBbox;
}
export interface TessLine {
  words: TessWord[];
  baseline: TessBbox;
  bbox: TessBbox;
  rowAttributes?: { rowHeight: number; descenders: number };
}
export interface TessBlock {
  paragraphs: { lines: TessLine[] }[];
}

/** Below this skew (degrees) a polygon is just the box: the rotated outline would differ by under a pixel or so. */
const MIN_SKEW_DEG = 0.5;
/** Past this, the box-to-rectangle inversion is ill-conditioned (at 45° it has no solution). */
const MAX_SKEW_DEG = 30;

export interface MapOptions {
  /** Pixels added around the image before OCR; subtracted here. */
  offset: number;
  width: number;
  height: number;
}

/**
 * Walks blocks → paragraphs → lines → words in tesseract's order (its reading order), drops empty
 * words, maps boxes back to the original image and clamps them. Line and block ids are positional
 * (`b0`, `b0.l3`): stable for one result, not across pages.
 */
export function toOcrWords(blocks: readonly TessBlock[], options: MapOptions): OcrWord[] {
  const words: OcrWord[] = [];
  blocks.forEach((block, b) => {
    let lineIndex = 0;
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const lineId = `b${b}.l${lineIndex++}`;
        const skew = lineSkew(line.baseline);
        const band = lineBand(line, skew);
        for (const word of line.words) {
          const text = word.text.trim();
          if (text === '') continue;
          const box = clampBox(moveBox(toBox(word.bbox), -options.offset), options.width, options.height);
          if (box.width <= 0 || box.height <= 0) continue;
          const outline = (band && wordInBand(band, word.bbox)) ?? wordPolygon(toBox(word.bbox), skew);
          const polygon = outline.map((p) =>
            clampPoint({ x: p.x - options.offset, y: p.y - options.offset }, options.width, options.height),
          );
          words.push({ text, confidence: clamp01(word.confidence / 100), box, polygon, lineId, blockId: `b${b}` });
        }
      }
    }
  });
  return words;
}

/** The baseline's angle in radians (positive: the line descends to the right). */
export function lineSkew(baseline: TessBbox | undefined): number {
  if (!baseline) return 0;
  const dx = baseline.x1 - baseline.x0;
  if (dx <= 0) return 0;
  return Math.atan2(baseline.y1 - baseline.y0, dx);
}

/**
 * Tesseract reports only an axis-aligned box per word, which for a skewed line is the bounding box of
 * a rotated rectangle. Knowing the angle (from the line's baseline), the rectangle can be recovered:
 * for a w×h rectangle rotated by θ the box is W = w·cosθ + h·sinθ, H = w·sinθ + h·cosθ. Its corners
 * then hug the slanted word, where the box would also cover slices of the lines above and below.
 */
export function wordPolygon(box: PixelBox, angle: number): Point[] {
  const corners = boxCorners(box);
  const degrees = Math.abs((angle * 180) / Math.PI);
  if (degrees < MIN_SKEW_DEG || degrees > MAX_SKEW_DEG) return corners;
  const s = Math.abs(Math.sin(angle));
  const c = Math.cos(angle);
  const det = c * c - s * s;
  const w = (box.width * c - box.height * s) / det;
  const h = (box.height * c - box.width * s) / det;
  if (!(w > 0) || !(h > 0)) return corners; // noise in a tiny box: keep the safe outline
  const sin = Math.sin(angle);
  const rel = [
    { x: 0, y: 0 },
    { x: w * c, y: w * sin },
    { x: w * c - h * sin, y: w * sin + h * c },
    { x: -h * sin, y: h * c },
  ];
  const minX = Math.min(...rel.map((p) => p.x));
  const minY = Math.min(...rel.map((p) => p.y));
  return rel.map((p) => ({ x: box.left + p.x - minX, y: box.top + p.y - minY }));
}

/** A skewed line as a rotated rectangle: top-left corner, direction along the line, height. */
interface Band {
  origin: Point;
  angle: number;
  height: number;
}

/**
 * The line's band from its baseline and row metrics (descenders below the baseline, the rest above).
 * Inverting the line's bounding box instead is ill-conditioned for long lines (the height comes out of
 * a small difference of large numbers).
 */
export function lineBand(line: TessLine, angle: number): Band | undefined {
  const row = line.rowAttributes;
  if (!row || !(row.rowHeight > 0) || Math.abs((angle * 180) / Math.PI) < MIN_SKEW_DEG) return undefined;
  const above = row.rowHeight - Math.max(0, row.descenders);
  const sin = Math.sin(angle);
  const cos = Math.cos(angle);
  const origin = { x: line.baseline.x0 + above * sin, y: line.baseline.y0 - above * cos };
  return { origin, angle, height: row.rowHeight };
}

/**
 * A word's outline as the slice of its line's band between the word's left and right ink edges. Every
 * word then gets the line's full height (ascenders to descenders), like the line itself, where
 * inverting the word's own box would shrink words without ascenders or descenders.
 */
export function wordInBand(band: Band, bbox: TessBbox): Point[] | undefined {
  const sin = Math.sin(band.angle);
  const cos = Math.cos(band.angle);
  // Along the band, x(a, b) = origin.x + a·cos − b·sin for depth b in [0, height]: solve for the word's x range.
  const a0 = (bbox.x0 - band.origin.x + band.height * Math.max(sin, 0)) / cos;
  const a1 = (bbox.x1 - band.origin.x - band.height * Math.max(-sin, 0)) / cos;
  if (!(a1 > a0)) return undefined;
  const at = (a: number, b: number): Point => ({
    x: band.origin.x + a * cos - b * sin,
    y: band.origin.y + a * sin + b * cos,
  });
  return [at(a0, 0), at(a1, 0), at(a1, band.height), at(a0, band.height)];
}

function boxCorners(box: PixelBox): Point[] {
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  return [
    { x: box.left, y: box.top },
    { x: right, y: box.top },
    { x: right, y: bottom },
    { x: box.left, y: bottom },
  ];
}

function toBox(bbox: TessBbox): PixelBox {
  return { left: bbox.x0, top: bbox.y0, width: bbox.x1 - bbox.x0, height: bbox.y1 - bbox.y0 };
}

function moveBox(box: PixelBox, by: number): PixelBox {
  return { ...box, left: box.left + by, top: box.top + by };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}
