import type { OcrWord } from '../../core/Image.ts';

/** A region in ratios of the image (Rekognition's BoundingBox convention). */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const WHOLE_IMAGE: Region = { left: 0, top: 0, width: 1, height: 1 };

/**
 * Splits a region into a 2×2 grid whose cells overlap by `overlap` (a share of the cell size), so a
 * word cut by one cell's edge is more than half inside a neighbour (DetectText keeps a word in a
 * region of interest when more than half of it lies inside).
 */
export function splitRegion(region: Region, overlap: number): Region[] {
  const width = Math.min(region.width, (region.width / 2) * (1 + overlap));
  const height = Math.min(region.height, (region.height / 2) * (1 + overlap));
  const lefts = [region.left, region.left + region.width - width];
  const tops = [region.top, region.top + region.height - height];
  return tops.flatMap((top) => lefts.map((left) => ({ left, top, width, height })));
}

/**
 * Drops words seen twice through overlapping tiles: same text and boxes overlapping with IoU > 0.5.
 * The first one (from the earlier tile) is kept.
 */
export function mergeDuplicateWords(words: readonly OcrWord[]): OcrWord[] {
  const kept: OcrWord[] = [];
  for (const word of words) {
    if (!kept.some((k) => k.text === word.text && boxIou(k.box, word.box) > 0.5)) kept.push(word);
  }
  return kept;
}

/** Reading order across tiles: lines by their top edge (then left), words left to right within a line. */
export function sortReadingOrder(words: readonly OcrWord[]): OcrWord[] {
  const lines = new Map<string, OcrWord[]>();
  for (const word of words) lines.set(word.lineId, [...(lines.get(word.lineId) ?? []), word]);
  const ordered = [...lines.values()].map((line) => [...line].sort((a, b) => a.box.left - b.box.left));
  const key = (line: OcrWord[]) => ({ top: Math.min(...line.map((w) => w.box.top)), left: line[0]?.box.left ?? 0 });
  ordered.sort((a, b) => key(a).top - key(b).top || key(a).left - key(b).left);
  return ordered.flat();
}

function boxIou(a: OcrWord['box'], b: OcrWord['box']): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}
