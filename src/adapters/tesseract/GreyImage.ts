import sharp, { type OutputInfo } from 'sharp';
import { UnsupportedImageError } from '../../core/errors.ts';

/** An image decoded to 8-bit grey, one byte per pixel, row by row. */
export interface GreyImage {
  pixels: Buffer;
  width: number;
  height: number;
}

/** Clockwise quarter turns, in degrees. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** Decodes any image sharp reads (transparency flattened onto white) to grey, once per page. */
export async function decodeGrey(bytes: Uint8Array): Promise<GreyImage> {
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(bytes)
      .flatten({ background: '#fff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new UnsupportedImageError('the OCR engine cannot read this image', { cause: error });
  }
  const { data, info } = decoded;
  const pixels = info.channels === 1 ? data : firstChannel(data, info.channels);
  return { pixels, width: info.width, height: info.height };
}

/** The image turned clockwise by `turn` degrees (a new buffer; the input is left alone). */
export function turnGrey(image: GreyImage, turn: QuarterTurn): GreyImage {
  if (turn === 0) return image;
  const { pixels, width, height } = image;
  const out = Buffer.allocUnsafe(pixels.length);
  if (turn === 180) {
    for (let i = 0, n = pixels.length; i < n; i++) out[n - 1 - i] = pixels[i] as number;
    return { pixels: out, width, height };
  }
  // 90° clockwise: source (x, y) lands at (height − 1 − y, x) of a height × width image; 270°: at (y, width − 1 − x).
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const target = turn === 90 ? x * height + (height - 1 - y) : (width - 1 - x) * height + y;
      out[target] = pixels[row + x] as number;
    }
  }
  return { pixels: out, width: height, height: width };
}

function firstChannel(data: Buffer, channels: number): Buffer {
  const out = Buffer.alloc(data.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels] as number;
  return out;
}

/** The image enlarged `scale` times (bicubic), for text too small for the engine's own line finder. */
export async function enlargeGrey(image: GreyImage, scale: number): Promise<GreyImage> {
  if (scale === 1) return image;
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  const pixels = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize(width, height, { kernel: 'cubic' })
    // Without the explicit colourspace sharp writes sRGB (3 bytes a pixel) from one-channel raw input.
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { pixels, width, height };
}

/** The pixels of `box` (inside the image), as a new image. */
export function cropGrey(
  image: GreyImage,
  box: { left: number; top: number; width: number; height: number },
): GreyImage {
  const pixels = Buffer.allocUnsafe(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.top + y) * image.width + box.left;
    image.pixels.copy(pixels, y * box.width, from, from + box.width);
  }
  return { pixels, width: box.width, height: box.height };
}

/** Light for dark, stretched to the full range: light type on dark ground becomes dark type on white. */
export function invertGrey(image: GreyImage): GreyImage {
  let lo = 255;
  let hi = 0;
  for (const v of image.pixels) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = Math.max(1, hi - lo);
  const pixels = Buffer.allocUnsafe(image.pixels.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round((255 * (hi - (image.pixels[i] as number))) / range);
  return { pixels, width: image.width, height: image.height };
}

/**
 * The pixels of `box` with the dark band in it inverted and stretched, and all else white. The band's top
 * and bottom edges are straight lines (a band printed askew runs at the page's angle), each fitted to the
 * first and last dark pixel of every column by medians, so a speck above it or a line of type just under
 * it does not move them; light type on the band becomes dark type on white and the paper around a tilted
 * band stays white.
 */
export function invertBand(
  image: GreyImage,
  box: { left: number; top: number; width: number; height: number },
  dark = 128,
): GreyImage & { inBand: (x: number, y: number) => boolean } {
  const crop = cropGrey(image, box);
  const inverted = invertGrey(crop);
  const firsts: [number, number][] = [];
  const lasts: [number, number][] = [];
  for (let x = 0; x < crop.width; x++) {
    let first = -1;
    let last = -1;
    for (let y = 0; y < crop.height; y++) {
      if ((crop.pixels[y * crop.width + x] as number) >= dark) continue;
      if (first < 0) first = y;
      last = y;
    }
    if (first < 0) continue;
    firsts.push([x, first]);
    lasts.push([x, last]);
  }
  const top = medianLine(firsts);
  const bottom = medianLine(lasts);
  const pixels = Buffer.alloc(crop.pixels.length, 255);
  for (let x = 0; x < crop.width; x++) {
    const from = Math.max(0, Math.floor(top(x)));
    const to = Math.min(crop.height - 1, Math.ceil(bottom(x)));
    for (let y = from; y <= to; y++) pixels[y * crop.width + x] = inverted.pixels[y * crop.width + x] as number;
  }
  // In the image's own pixels: is (x, y) on the band?
  const inBand = (x: number, y: number): boolean =>
    y >= box.top + top(x - box.left) && y <= box.top + bottom(x - box.left);
  return { pixels, width: crop.width, height: crop.height, inBand };
}

/**
 * A line y = a + b·x through points, robust to a minority of strays (a line of type just under a band
 * darkens some columns' last pixels): b is the median slope between each point and the one half the
 * points further on, a the median offset.
 */
function medianLine(points: readonly [number, number][]): (x: number) => number {
  if (points.length === 0) return () => -1;
  const median = (values: number[]): number => values.sort((p, q) => p - q)[Math.floor(values.length / 2)] ?? 0;
  const half = Math.floor(points.length / 2);
  const slopes: number[] = [];
  for (let k = 0; k + half < points.length; k++) {
    const [x0, y0] = points[k] as [number, number];
    const [x1, y1] = points[k + half] as [number, number];
    if (x1 > x0) slopes.push((y1 - y0) / (x1 - x0));
  }
  const slope = slopes.length > 0 ? median(slopes) : 0;
  const offset = median(points.map(([x, y]) => y - slope * x));
  return (x) => offset + slope * x;
}

/**
 * The crop with its darkest percent made black and its paper (median) white: light type, which the page's
 * threshold left on the paper's side, becomes dark type on white, and the grain lighter than paper goes.
 */
export function stretchGrey(image: GreyImage): GreyImage {
  const sorted = Uint8Array.from(image.pixels).sort();
  const lo = sorted[Math.floor(sorted.length / 100)] as number;
  const hi = sorted[Math.floor(sorted.length / 2)] as number;
  const range = Math.max(1, hi - lo);
  const pixels = Buffer.allocUnsafe(image.pixels.length);
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = Math.max(0, Math.min(255, Math.round((255 * ((image.pixels[i] as number) - lo)) / range)));
  return { pixels, width: image.width, height: image.height };
}
