import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LETTER_RANGES } from '../../../src/detect/fastLetters.ts';
import { tokenize } from '../../../src/detect/tokenize.ts';

// The tokenizer is a hand-written scan for speed; this pattern is its definition.
const WORD = new RegExp(`[0-9${LETTER_RANGES}]+(?:['’][${LETTER_RANGES}]+)*`, 'g');
const pieces = fc.constantFrom(
  'Ann',
  'O’Neill',
  "pt's",
  'MRN',
  '12',
  'x1',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '.',
  "'",
  '’',
  '-',
  'é',
  'Łukasz',
  '李',
  '😀',
  '\u0301',
  ',',
  'DR.',
  ':',
);

describe('tokenize', () => {
  it('finds exactly the words the WORD pattern finds, with their offsets', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
        (text) => {
          const expected = [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
          expect(tokenize(text).map((t) => [t.start, t.end])).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('records spelling facts and the possessive-free key', () => {
    const [pt, ann, , mrn, num] = tokenize("Pt's ANN seen. mrn 12");
    expect(pt).toMatchObject({ text: "Pt's", key: 'pt', capitalized: true, sentenceStart: true });
    expect(ann).toMatchObject({ text: 'ANN', upper: true, capitalized: false, sentenceStart: false });
    expect(mrn).toMatchObject({ key: 'mrn', sentenceStart: true });
    expect(num).toMatchObject({ alpha: false, upper: false });
  });

  it('judges per line whether capitals carry information', () => {
    const mixed =
      'Seen by Dr Quenby today with her daughter Ann, who drove her in.\nPLAN: CONTINUE CURRENT REGIMEN AND REASSESS TOMORROW MORNING\nok';
    const tokens = tokenize(mixed);
    expect(tokens.find((t) => t.text === 'Quenby')?.caseInformative).toBe(true);
    expect(tokens.find((t) => t.text === 'REGIMEN')?.caseInformative).toBe(false);
    expect(
      tokenize('pt seen by dr quenby today, daughter ann at bedside, plan to continue abx and reassess').every(
        (t) => !t.caseInformative,
      ),
    ).toBe(true);
  });
});
