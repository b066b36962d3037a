import { clampBox } from '../../core/clampToImage.ts';
import type { OcrWord, Point } from '../../core/Image.ts';
import { boundsOf } from '../../core/pageText.ts';
import { startTopLeft } from '../../core/toReadingFrame.ts';
import type { QuarterTurn } from './GreyImage.ts';

/**
 * Words read on the image turned clockwise by `turn` degrees (and enlarged `scale` times), moved back onto the image as given
 * (`width` × `height`), so the masks land where the words are printed. Polygons stay clockwise and
 * start again from their top-left corner.
 */
export function unturnWords(
  words: readonly OcrWord[],
  turn: QuarterTurn,
  width: number,
  height: number,
  scale = 1,
): OcrWord[] {
  if (turn === 0 && scale === 1) return [...words];
  const back = unturnPoint(turn, width, height);
  return words.map((word) => {
    const polygon = startTopLeft(word.polygon.map((p) => back({ x: p.x / scale, y: p.y / scale })));
    return { ...word, polygon, box: clampBox(boundsOf(polygon), width, height) };
  });
}

/** The inverse of a clockwise turn, for a point of the turned image (pixel edges, not centres). */
export function unturnPoint(turn: QuarterTurn, width: number, height: number): (p: Point) => Point {
  switch (turn) {
    case 90:
      return ({ x, y }) => ({ x: y, y: height - x });
    case 180:
      return ({ x, y }) => ({ x: width - x, y: height - y });
    case 270:
      return ({ x, y }) => ({ x: width - y, y: x });
    default:
      return (p) => p;
  }
}
