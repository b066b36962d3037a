import { describe, expect, it } from 'vitest';
import { inUprightFrame } from '../../../../src/adapters/tesseract/unturnWords.ts';
import type { OcrWord } from '../../../../src/core/Image.ts';
import { ocrWord } from '../../../helpers/ocrWords.ts';

// A 100 × 50 page; one word on it, in the page's pixels.
const page = { width: 100, height: 50 };
const word = ocrWord('Salem', 0.9, { left: 10, top: 5, width: 20, height: 10 }, 'l0');
const upright = (turn: 90 | 180 | 270) => (turn === 180 ? page : { width: page.height, height: page.width });

describe('inUprightFrame', () => {
  it.each([0, 90, 180, 270] as const)(
    'hands the change the words as the page reads turned %i°, and puts them back',
    (turn) => {
      const seen: OcrWord[] = [];
      const back = inUprightFrame([word], turn, turn === 0 ? page : upright(turn), (words) => {
        seen.push(...words);
        return [...words];
      });
      expect(back[0]?.box).toEqual(word.box);
      // Upright, a word of a page turned a quarter is as high as it was wide.
      const seenBox = seen[0]?.box;
      expect(turn % 180 === 0 ? seenBox?.width : seenBox?.height).toBe(20);
    },
  );

  it('puts a change made upright back where it belongs on a page read turned 90°', () => {
    const widened = inUprightFrame([word], 90, upright(90), (words) =>
      words.map((w) => ({
        ...w,
        box: { ...w.box },
        polygon: w.polygon.map((p) => ({ x: p.x, y: p.y + (p.y > w.box.top + w.box.height / 2 ? 6 : 0) })),
      })),
    );
    // 6 px further down where the page reads upright is 6 px further across on the page as given.
    expect(widened[0]?.box.width).toBe(26);
    expect(widened[0]?.box.height).toBe(10);
  });
});
