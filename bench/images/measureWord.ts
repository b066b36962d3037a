import type { OcrPage, PixelBox, Point } from '../../src/core/Image.ts';
import { coveredShare, offsetConvexPolygon } from './coverage.ts';

/** What the image pipeline made of one page: the fills, the OCR result and the page's size. */
export interface PipelineResult {
  regions: Point[][];
  ocr: OcrPage;
  width: number;
  height: number;
}

export interface WordMeasures {
  share: number;
  grownShare: number;
  located: boolean;
  read: boolean;
}

/** How much of a true word the fills cover on a page of `size`, and whether OCR found and read it. */
export function measureWord(
  truth: { text: string; box: PixelBox; polygon: readonly Point[] },
  result: PipelineResult,
  size: { width: number; height: number },
): WordMeasures {
  return {
    share: coveredShare(truth.polygon, result.regions, size),
    grownShare: coveredShare(
      truth.polygon,
      result.regions.map((r) => offsetConvexPolygon(r, 2)),
      size,
    ),
    ...ocrMatch(truth, result.ocr),
  };
}

const norm = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function intersection(a: PixelBox, b: PixelBox): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Located: an OCR word overlaps half of the true word or half of itself lies on it. Read: one of those has the same letters and digits. */
function ocrMatch(truth: { text: string; box: PixelBox }, ocr: OcrPage): { located: boolean; read: boolean } {
  const area = Math.max(1, truth.box.width * truth.box.height);
  const near = ocr.words.filter((w) => {
    const overlap = intersection(truth.box, w.box);
    return overlap >= 0.5 * area || overlap >= 0.5 * Math.max(1, w.box.width * w.box.height);
  });
  return {
    located: near.length > 0,
    read: near.some((w) => norm(w.text) === norm(truth.text) && norm(truth.text) !== ''),
  };
}
