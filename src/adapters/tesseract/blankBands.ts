import type { PixelBox } from '../../core/Image.ts';
import { invertBand, type GreyImage } from './GreyImage.ts';

/** Pixels past a band's fitted edges also blanked: its edge is soft on a blurred scan. */
const EDGE_MARGIN = 1;

/**
 * The page with each dark band painted over in the paper's own grey (a new buffer; the input is left
 * alone). Why: tesseract takes a dark band and the small type just beside it for one picture and reads
 * neither (a pharmacy's address under a label's black header: 0 of 7 words); with the band gone the
 * line reads as any other. Paper grey, not white: a white stripe on a grey, grainy scan has edges the
 * engine reads as marks. A band askew is painted along its own fitted edges, so type just above or
 * below it stays.
 */
export function blankBands(image: GreyImage, regions: readonly PixelBox[]): GreyImage {
  const pixels = Buffer.from(image.pixels);
  const paper = paperLevel(image);
  for (const region of regions) {
    const { inBand } = invertBand(image, region);
    for (let y = region.top; y < region.top + region.height; y++) {
      for (let x = region.left; x < region.left + region.width; x++) {
        if (inBand(x, y - EDGE_MARGIN) || inBand(x, y + EDGE_MARGIN)) pixels[y * image.width + x] = paper;
      }
    }
  }
  return { pixels, width: image.width, height: image.height };
}

/** The median grey of the page: the paper, since paper is most of a page with bands on it (findDarkRegions). */
function paperLevel(image: GreyImage): number {
  const counts = new Uint32Array(256);
  for (const v of image.pixels) (counts[v] as number)++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += counts[v] as number;
    if (seen * 2 >= image.pixels.length) return v;
  }
  return 255;
}

/**
 * The part of the page beside a band that its neighbouring lines may be in: the band grown by `margin`
 * across the reading direction (above and below it on an upright page, left and right on a page turned
 * a quarter), clipped to the page.
 */
export function besideBand(
  region: PixelBox,
  margin: number,
  across: 'vertical' | 'horizontal',
  image: GreyImage,
): PixelBox {
  if (across === 'vertical') {
    const top = Math.max(0, region.top - margin);
    const bottom = Math.min(image.height, region.top + region.height + margin);
    return { left: region.left, top, width: region.width, height: bottom - top };
  }
  const left = Math.max(0, region.left - margin);
  const right = Math.min(image.width, region.left + region.width + margin);
  return { left, top: region.top, width: right - left, height: region.height };
}
