import { turnGrey, type GreyImage } from './GreyImage.ts';

/**
 * Darker than this is ink. Rules are often light grey (#c4c4c4), and lighter still on a blurred scan,
 * where a table's grid came out at 160-190 and was kept at a threshold of 150.
 */
const INK = 205;
/** Lighter than this is paper. */
const FRINGE = 240;
/**
 * A rule is crossed by long strokes now and then (a table's column lines, a descender), and thickened
 * here and there by specks and blur; a serif face's baseline, where serifs and the bottoms of letters
 * join into one thin run, is crossed by a stem every few pixels ("recommended" at 13 px: a quarter of its
 * columns) and must not be erased with its letters' feet. A crossing is long when the ink runs on for
 * over twice the rule's greatest thickness across it, and a stroke when it stops short of RULE_CROSSING.
 */
const MAX_CROSSING_SHARE = 0.08;
/**
 * Ink running on this far across a rule is another rule crossing it (a table's grid: a column line is
 * crossed by a row line every line of type), not a letter's stem, and does not count against it.
 */
const RULE_CROSSING = 40;

/**
 * The page with its ruled lines (table grids, form rules, underlines) painted white, as a new image.
 *
 * Why: tesseract reads a fully ruled table badly: text touching a cell's borders is taken for part of a
 * picture and most cells come back empty or as garbage (a ruled 1 MP registration form: 6 of 60 words).
 * Ink is a rule when it is thin across (at most `maxThickness` px) and runs on for `minLength` px or
 * more, stepping at most one pixel up or down at a time, so a scan skewed by a few degrees still
 * counts, and crossing another rule does not end it. Letters are never that long without a gap;
 * solid dark areas (a banner, a radiograph's black) are not thin, and are left alone.
 */
export function eraseRuleLines(image: GreyImage): GreyImage {
  const pixels = Buffer.from(image.pixels);
  const minLength = Math.max(50, Math.round(Math.min(image.width, image.height) * 0.06));
  const maxThickness = Math.max(3, Math.round(Math.min(image.width, image.height) / 400));
  const horizontal = ruleMask(image, minLength, maxThickness);
  const vertical = transposeBack(ruleMask(turnGrey(image, 90), minLength, maxThickness), image);
  for (let i = 0; i < pixels.length; i++) if (horizontal[i] === 1 || vertical[i] === 1) pixels[i] = 255;
  return { pixels, width: image.width, height: image.height };
}

/** 1 where a pixel belongs to a horizontal rule of the image. */
function ruleMask(image: GreyImage, minLength: number, maxThickness: number): Uint8Array {
  const { pixels, width, height } = image;
  const thin = thinInk(pixels, width, height, maxThickness);
  const mask = new Uint8Array(pixels.length);
  const visited = new Uint8Array(pixels.length);
  const path: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const start = y * width + x;
      if (thin[start] !== 1 || visited[start] === 1) continue;
      const crossings = traceRight(image, thin, visited, x, y, maxThickness, path);
      if (path.length >= minLength && crossings <= MAX_CROSSING_SHARE * path.length)
        markWithThickness(path, pixels, mask, width, height, maxThickness);
    }
  }
  return mask;
}

/**
 * Follows thin ink rightwards from (x, y), one column at a time, to the same row or the next one up or
 * down; a gap of up to `maxThickness` columns (another rule crossing: ink, but not thin) is stepped
 * over and its ink on the row taken in, so crossings are erased too. Returns the columns crossed by long strokes.
 */
function traceRight(
  image: GreyImage,
  thin: Uint8Array,
  visited: Uint8Array,
  x0: number,
  y0: number,
  maxThickness: number,
  path: number[],
): number {
  const { pixels, width, height } = image;
  path.length = 0;
  let y = y0;
  let gap = 0;
  let crossings = 0;
  for (let x = x0; x < width; x++) {
    const at = y * width + x;
    let next = -1;
    if (thin[at] === 1) next = y;
    else if (y > 0 && thin[at - width] === 1) next = y - 1;
    else if (y + 1 < height && thin[at + width] === 1) next = y + 1;
    if (next < 0) {
      if (++gap > maxThickness) return crossings;
      if ((pixels[at] as number) < INK) {
        path.push(at);
        const run = inkRun(pixels, width, height, x, y, RULE_CROSSING);
        if (run > 2 * maxThickness && run < RULE_CROSSING) crossings++;
      }
      continue;
    }
    gap = 0;
    y = next;
    visited[y * width + x] = 1;
    path.push(y * width + x);
  }
  return crossings;
}

/** The ink above and below (x, y) in its column, counted up to `cap` pixels. */
function inkRun(pixels: Buffer, width: number, height: number, x: number, y: number, cap: number): number {
  let run = 1;
  for (let yy = y - 1; yy >= 0 && run < cap && (pixels[yy * width + x] as number) < INK; yy--) run++;
  for (let yy = y + 1; yy < height && run < cap && (pixels[yy * width + x] as number) < INK; yy++) run++;
  return run;
}

/**
 * Marks each traced pixel, the ink above and below it (the rule's thickness), and then the light grey
 * fringe a blurred rule leaves (205-240), which confuses the engine as much as the rule did; a letter
 * touching the rule is darker and stops the walk, so it keeps its pixels.
 */
function markWithThickness(
  path: readonly number[],
  pixels: Buffer,
  mask: Uint8Array,
  width: number,
  height: number,
  maxThickness: number,
): void {
  for (const i of path) {
    mask[i] = 1;
    const x = i % width;
    const y0 = (i - x) / width;
    for (const step of [-1, 1]) {
      let y = y0 + step;
      for (
        let d = 1;
        d <= maxThickness && y >= 0 && y < height && (pixels[y * width + x] as number) < INK;
        d++, y += step
      )
        mask[y * width + x] = 1;
      for (let d = 0; d < 2 && y >= 0 && y < height; d++, y += step) {
        const value = pixels[y * width + x] as number;
        if (value < INK || value >= FRINGE) break;
        mask[y * width + x] = 1;
      }
    }
  }
}

/**
 * 1 for ink whose vertical run (the ink above and below it in its column) is at most `maxThickness`.
 * Row by row, with each column's current run kept, so memory is read in order.
 */
function thinInk(pixels: Buffer, width: number, height: number, maxThickness: number): Uint8Array {
  const thin = new Uint8Array(pixels.length);
  const runStart = new Int32Array(width).fill(-1);
  const close = (x: number, end: number): void => {
    const top = runStart[x] as number;
    if (end - top <= maxThickness) for (let r = top; r < end; r++) thin[r * width + x] = 1;
    runStart[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const ink = (pixels[row + x] as number) < INK;
      if (ink && runStart[x] === -1) runStart[x] = y;
      else if (!ink && runStart[x] !== -1) close(x, y);
    }
  }
  for (let x = 0; x < width; x++) if (runStart[x] !== -1) close(x, height);
  return thin;
}

/** A mask made on the image turned 90° clockwise, brought back to the image's own rows and columns. */
function transposeBack(mask: Uint8Array, image: GreyImage): Uint8Array {
  const turned = turnGrey({ pixels: Buffer.from(mask), width: image.height, height: image.width }, 270);
  return turned.pixels;
}
