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

/**
 * Applies `change` to words of the page (`words` in its pixels, read turned clockwise by `turn`) where the page
 * reads upright (`upright` is the page turned so), and puts the changed words back in the page's pixels.
 */
export function inUprightFrame(
  words: readonly OcrWord[],
  turn: QuarterTurn,
  upright: { width: number; height: number },
  change: (uprightWords: readonly OcrWord[]) => OcrWord[],
): OcrWord[] {
  if (turn === 0) return change(words);
  const back = ((360 - turn) % 360) as QuarterTurn;
  const width = turn === 180 ? upright.width : upright.height;
  const height = turn === 180 ? upright.height : upright.width;
  return unturnWords(change(unturnWords(words, back, upright.width, upright.height)), turn, width, height);
}
