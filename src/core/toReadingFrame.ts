import type { OcrWord, Point } from './Image.ts';
import { boundsOf } from './pageText.ts';

/**
 * Words of a page read turned clockwise by `turn` degrees, with their boxes and outlines moved into the
 * turned page (the page as it reads), text and ids unchanged. The page text judges lines, columns,
 * labels and wrapped prose by where words sit; on a page scanned sideways, in the image as given, a line
 * runs down a column and every such judgement fails (a ruled form turned 90°: 73 % of its PHI covered
 * against 91 % upright). Only the page text uses these; masks use the words as given.
 */
export function toReadingFrame(
  words: readonly OcrWord[],
  turn: 0 | 90 | 180 | 270 | undefined,
  width: number,
  height: number,
): OcrWord[] {
  if (!turn) return [...words];
  const move = turnPoint(turn, width, height);
  return words.map((word) => {
    const polygon = startTopLeft(word.polygon.map(move));
    return { ...word, polygon, box: boundsOf(polygon) };
  });
}

/** Where a point of a `width` × `height` image lands when the image is turned clockwise by `turn`. */
function turnPoint(turn: 90 | 180 | 270, width: number, height: number): (p: Point) => Point {
  if (turn === 90) return ({ x, y }) => ({ x: height - y, y: x });
  if (turn === 180) return ({ x, y }) => ({ x: width - x, y: height - y });
  return ({ x, y }) => ({ x: y, y: width - x });
}

/** The outline from its top-left corner again, so "top edge" keeps meaning the first two points. */
export function startTopLeft(polygon: Point[]): Point[] {
  let first = 0;
  polygon.forEach((p, i) => {
    const best = polygon[first] as Point;
    if (p.x + p.y < best.x + best.y) first = i;
  });
  return [...polygon.slice(first), ...polygon.slice(0, first)];
}
