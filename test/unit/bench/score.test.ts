// Our scorer must give the same numbers as the shared peer benchmark's reference scorer (a verbatim
// copy lives in test/fixtures), on hand-made edge cases and on random corpora and predictions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHI_TYPES } from '../../../src/core/PhiEntity.ts';
import { score, type GoldDoc, type GoldSpan, type PredSpan, type Scores } from '../../../bench/score.ts';

type RefScore = (docs: GoldDoc[], preds: Map<string, PredSpan[]>, opts?: { countWhitespace?: boolean }) => unknown;
// Imported through a URL string: the fixture is plain JS with no type declarations.
const refUrl = new URL('../../fixtures/reference-score.mjs', import.meta.url).href;
const { score: refScore } = (await import(refUrl)) as { score: RefScore };

/** Drop what only our scorer reports (the leak rate is 1 − fullCoverRecall, checked separately). */
function shared(s: Scores): unknown {
  const strip = (l: Omit<Scores, 'perType'>) => {
    const { leakRate, ...entity } = l.entity;
    if (leakRate !== null) expect(leakRate).toBeCloseTo(1 - entity.fullCoverRecall!, 12);
    return { entity, char: l.char };
  };
  return { ...strip(s), perType: Object.fromEntries(Object.entries(s.perType).map(([t, l]) => [t, strip(l)])) };
}

function expectAgreement(docs: GoldDoc[], preds: Map<string, PredSpan[]>, countWhitespace = false): void {
  expect(shared(score(docs, preds, { countWhitespace }))).toEqual(refScore(docs, preds, { countWhitespace }));
}

const doc = (id: string, text: string, spans: GoldSpan[]): GoldDoc => ({ id, text, spans });
const g = (start: number, end: number, type: string): GoldSpan => ({ start, end, type });
const p = (start: number, end: number, type?: string): PredSpan => ({ start, end, type });

describe('score agrees with the reference scorer on edge cases', () => {
  const text = 'Pt John  Smith, 67 y/o, seen 03/04/2021 by Dr. Lee\tRN.';
  const cases: Array<[string, GoldDoc[], Map<string, PredSpan[]>]> = [
    ['empty corpus', [], new Map()],
    ['no gold, no predictions', [doc('a', 'nothing here', [])], new Map()],
    ['gold but no prediction record', [doc('a', text, [g(3, 14, 'NAME')])], new Map()],
    ['prediction record with no spans', [doc('a', text, [g(3, 14, 'NAME')])], new Map([['a', []]])],
    [
      'spans with no type',
      [doc('a', text, [g(3, 14, 'NAME'), g(16, 18, 'AGE')])],
      new Map([['a', [p(3, 8), p(16, 18)]]]),
    ],
    [
      'overlapping gold and predictions',
      [doc('a', text, [g(3, 14, 'NAME'), g(9, 18, 'AGE'), g(29, 39, 'DATE')])],
      new Map([['a', [p(0, 5, 'NAME'), p(4, 12, 'DATE'), p(10, 40, 'DATE'), p(30, 31, 'ID')]]]),
    ],
    [
      'whitespace-only and whitespace-edged spans',
      [doc('a', text, [g(7, 9, 'NAME'), g(50, 55, 'PROFESSION')])],
      new Map([['a', [p(3, 8, 'NAME'), p(51, 53, 'PROFESSION')]]]),
    ],
    [
      'out-of-range, empty and reversed predictions',
      [doc('a', text, [g(0, 2, 'ID'), g(52, 54, 'PROFESSION')])],
      new Map([['a', [p(-5, 1, 'ID'), p(53, 99, 'NAME'), p(10, 10, 'NAME'), p(12, 11, 'NAME')]]]),
    ],
    [
      'unknown gold and predicted types',
      [doc('a', text, [g(3, 14, 'OTHER')])],
      new Map([['a', [p(3, 14, 'UNKNOWN'), p(3, 5, 'OTHER')]]]),
    ],
    [
      'predictions for ids not in the corpus',
      [doc('a', text, [g(3, 14, 'NAME')])],
      new Map([['zz', [p(3, 14, 'NAME')]]]),
    ],
    [
      'surrogate pairs and unicode spaces',
      [doc('a', 'x😀\u00a0y\u2003z', [g(1, 6, 'NAME')])],
      new Map([['a', [p(2, 4, 'NAME')]]]),
    ],
  ];
  for (const [name, docs, preds] of cases) {
    it(name, () => {
      expectAgreement(docs, preds, false);
      expectAgreement(docs, preds, true);
    });
  }

  it('gives the hand-computed numbers on a small case', () => {
    const s = score(
      [doc('a', 'Ann Lee 42 x', [g(0, 7, 'NAME'), g(8, 10, 'AGE')])],
      new Map([['a', [p(0, 3, 'NAME'), p(11, 12, 'ID')]]]),
    );
    expect(s.entity.agnostic).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(s.char.agnostic).toMatchObject({ tpR: 3, nR: 8, tpP: 3, nP: 4 }); // the space in "Ann Lee" is not counted
    expect(s.entity.leakRate).toBe(1);
    expect(s.perType.ID!.entity.agnostic.precision).toBe(0);
  });
});

describe('score agrees with the reference scorer on random corpora', () => {
  const unit = fc.constantFrom('a', 'B', '7', '/', ' ', ' ', '\n', '\t', '\u00a0', 'é', '😀');
  const goldType = fc.constantFrom(...PHI_TYPES, 'OTHER');
  const predType = fc.constantFrom<string | undefined>(...PHI_TYPES, 'OTHER', 'UNKNOWN', undefined);
  // Gold spans are valid (the corpus loaders reject others); predictions may be empty, reversed or out of range.
  const goldSpans = (n: number) =>
    fc
      .array(fc.tuple(fc.nat(n), fc.nat(n), goldType), { maxLength: 6 })
      .map((xs) => xs.filter(([a, b]) => a !== b).map(([a, b, type]) => g(Math.min(a, b), Math.max(a, b), type)));
  const predSpans = (n: number) =>
    fc
      .array(fc.tuple(fc.integer({ min: -2, max: n + 2 }), fc.integer({ min: -2, max: n + 2 }), predType), {
        maxLength: 6,
      })
      .map((xs) => xs.map(([a, b, type]) => p(a, b, type)));
  const docArb = fc.string({ unit, maxLength: 50 }).chain((text) =>
    fc.record({
      text: fc.constant(text),
      spans: goldSpans(text.length),
      preds: fc.option(predSpans(text.length), { nil: undefined }),
    }),
  );
  const corpusArb = fc.tuple(fc.array(docArb, { maxLength: 6 }), fc.boolean());

  it('gives identical numbers for every shared metric', () => {
    fc.assert(
      fc.property(corpusArb, ([raw, countWhitespace]) => {
        const docs = raw.map((d, i) => doc(`d${i}`, d.text, d.spans));
        const preds = new Map(
          raw.flatMap((d, i): Array<[string, PredSpan[]]> => (d.preds ? [[`d${i}`, d.preds]] : [])),
        );
        expectAgreement(docs, preds, countWhitespace);
      }),
      { numRuns: 600 },
    );
  });
});
