import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../../../src/core/Image.ts';
import { addMissedLines } from '../../../../src/adapters/tesseract/addMissedLines.ts';

const word = (text: string, left: number, top: number, lineId: string, confidence = 0.9): OcrWord => {
  const box = { left, top, width: text.length * 10, height: 20 };
  const polygon = [
    { x: left, y: top },
    { x: left + box.width, y: top },
    { x: left + box.width, y: top + 20 },
    { x: left, y: top + 20 },
  ];
  return { text, confidence, box, polygon, lineId, blockId: 'b0' };
};

describe('addMissedLines', () => {
  const first = [
    word('Rx#', 0, 0, 'l0'),
    word('51876244', 40, 0, 'l0'),
    word('Luca', 0, 40, 'l1'),
    word('Price', 50, 40, 'l1'),
  ];

  it('adds the words the second read found where the first found nothing, in reading order, each once', () => {
    // The second read has the label's whole first line, and the prescriber's line the first read missed.
    const second = [
      word('Rx#', 1, 1, 'l0', 0.5),
      word('5187624', 41, 0, 'l0', 0.5),
      word('Filled:', 400, 2, 'l0'),
      word('23-Aug-2012', 480, 2, 'l0'),
      word('Luca', 0, 40, 'l1'),
      word('Price', 50, 40, 'l1'),
      word('Dr.', 0, 80, 'l2'),
      word('Lefebvre', 40, 80, 'l2'),
    ];
    const merged = addMissedLines(first, second, 'local');
    expect(merged.map((w) => w.text)).toEqual([
      'Rx#',
      '51876244',
      'Filled:',
      '23-Aug-2012',
      'Luca',
      'Price',
      'Dr.',
      'Lefebvre',
    ]);
    // The first read's words stand where both read (not replaced by the second's); added runs get their own ids.
    expect(merged.slice(0, 2)).toEqual(first.slice(0, 2));
    const added = merged.filter((w) => w.lineId.startsWith('local.'));
    expect(added.map((w) => w.text)).toEqual(['Filled:', '23-Aug-2012', 'Dr.', 'Lefebvre']);
    expect(new Set(added.slice(0, 2).map((w) => w.lineId)).size).toBe(1);
    expect(added[0]?.lineId).not.toBe(added[2]?.lineId);
    expect(added.every((w) => w.blockId.startsWith('local.'))).toBe(true);
  });

  it('adds no specks read as marks, and nothing when the second read found nothing new', () => {
    expect(addMissedLines(first, [word(';', 300, 300, 'l9', 0.2), word('$a', 320, 300, 'l9', 0.3)], 'local')).toEqual(
      first,
    );
    expect(addMissedLines(first, first, 'local')).toEqual(first);
    expect(addMissedLines([], [word('Lefebvre', 0, 0, 'l0')], 'local').map((w) => w.text)).toEqual(['Lefebvre']);
  });
});
