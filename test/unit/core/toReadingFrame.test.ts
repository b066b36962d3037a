import { describe, expect, it } from 'vitest';
import type { OcrWord, Point } from '../../../src/core/Image.ts';
import { boundsOf, buildPageText } from '../../../src/core/pageText.ts';
import { toReadingFrame } from '../../../src/core/toReadingFrame.ts';

/** A word of an upright 400 × 300 page (the page as it reads). */
const word = (text: string, left: number, top: number, lineId: string): OcrWord => {
  const polygon = [
    { x: left, y: top },
    { x: left + text.length * 10, y: top },
    { x: left + text.length * 10, y: top + 20 },
    { x: left, y: top + 20 },
  ];
  return { text, confidence: 0.95, box: boundsOf(polygon), polygon, lineId, blockId: 'b0' };
};

// A form read upright: label cells in one column, values in the next.
const upright = [
  word('Last', 20, 20, 'l1'),
  word('name', 70, 20, 'l1'),
  word('Romero', 220, 20, 'l1'),
  word('Date', 20, 50, 'l2'),
  word('of', 70, 50, 'l2'),
  word('birth', 95, 50, 'l2'),
  word('1/13/1982', 220, 50, 'l2'),
];

/** The same words on the page as scanned, turned counter-clockwise by `turn` (so it reads turned clockwise by `turn`). */
function asScanned(words: readonly OcrWord[], turn: 90 | 180 | 270, width = 400, height = 300): OcrWord[] {
  const back = (p: Point): Point =>
    turn === 90
      ? { x: p.y, y: width - p.x }
      : turn === 180
        ? { x: width - p.x, y: height - p.y }
        : { x: height - p.y, y: p.x };
  return words.map((w) => {
    const polygon = w.polygon.map(back);
    return { ...w, polygon, box: boundsOf(polygon) };
  });
}

describe('toReadingFrame', () => {
  for (const turn of [90, 180, 270] as const) {
    it(`puts the words of a page read turned ${turn}° back where they read, and the page text with them`, () => {
      const scannedWidth = turn === 180 ? 400 : 300;
      const scannedHeight = turn === 180 ? 300 : 400;
      const read = toReadingFrame(asScanned(upright, turn), turn, scannedWidth, scannedHeight);
      read.forEach((w, i) => expect(w.box).toEqual(upright[i]?.box));
      expect(buildPageText(read).text).toBe('Last name: Romero\nDate of birth: 1/13/1982');
    });
  }

  it('leaves the words of an upright page as they are', () => {
    expect(toReadingFrame(upright, undefined, 400, 300)).toEqual(upright);
  });
});
