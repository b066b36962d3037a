import { describe, expect, it } from 'vitest';
import { toOcrWords, type TessBlock, wordPolygon } from '../../../../src/adapters/tesseract/toOcrWords.ts';

const bbox = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

describe('wordPolygon', () => {
  it('recovers a rotated rectangle from its bounding box and angle', () => {
    for (const degrees of [3, -5, 12]) {
      const a = (degrees * Math.PI) / 180;
      const [w, h] = [120, 30];
      const rel = [
        { x: 0, y: 0 },
        { x: w * Math.cos(a), y: w * Math.sin(a) },
        { x: w * Math.cos(a) - h * Math.sin(a), y: w * Math.sin(a) + h * Math.cos(a) },
        { x: -h * Math.sin(a), y: h * Math.cos(a) },
      ];
      const xs = rel.map((p) => p.x);
      const ys = rel.map((p) => p.y);
      const box = {
        left: 50,
        top: 40,
        width: Math.max(...xs) - Math.min(...xs),
        height: Math.max(...ys) - Math.min(...ys),
      };
      const polygon = wordPolygon(box, a);
      rel.forEach((p, i) => {
        expect(polygon[i]?.x).toBeCloseTo(50 + p.x - Math.min(...xs), 6);
        expect(polygon[i]?.y).toBeCloseTo(40 + p.y - Math.min(...ys), 6);
      });
    }
  });

  it('keeps the box corners for straight lines', () => {
    expect(wordPolygon({ left: 1, top: 2, width: 10, height: 5 }, 0.001)).toEqual([
      { x: 1, y: 2 },
      { x: 11, y: 2 },
      { x: 11, y: 7 },
      { x: 1, y: 7 },
    ]);
  });
});

describe('toOcrWords', () => {
  it('drops empty words, removes the padding, clamps, and numbers lines per block', () => {
    const blocks: TessBlock[] = [
      {
        paragraphs: [
          {
            lines: [
              {
                bbox: bbox(20, 20, 200, 50),
                baseline: bbox(20, 45, 200, 45),
                words: [
                  { text: 'Jane', confidence: 91, bbox: bbox(20, 20, 80, 50) },
                  { text: '  ', confidence: 0, bbox: bbox(90, 20, 95, 50) },
                ],
              },
            ],
          },
        ],
      },
      {
        paragraphs: [
          {
            lines: [
              {
                bbox: bbox(10, 60, 500, 90),
                baseline: bbox(10, 85, 500, 85),
                words: [{ text: 'Doe', confidence: 100, bbox: bbox(400, 60, 500, 90) }],
              },
            ],
          },
        ],
      },
    ];
    const words = toOcrWords(blocks, { offset: 25, width: 450, height: 300 });
    expect(words.map((w) => [w.text, w.lineId, w.blockId])).toEqual([
      ['Jane', 'b0.l0', 'b0'],
      ['Doe', 'b1.l0', 'b1'],
    ]);
    expect(words[0]).toMatchObject({ confidence: 0.91, box: { left: 0, top: 0, width: 55, height: 25 } });
    expect(words[1]?.box).toEqual({ left: 375, top: 35, width: 75, height: 30 });
    expect(words[1]?.polygon.every((p) => p.x <= 450)).toBe(true);
  });
});
