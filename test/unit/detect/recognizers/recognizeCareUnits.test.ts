import { describe, expect, it } from 'vitest';
import { recognizeCareUnits } from '../../../../src/detect/recognizers/recognizeCareUnits.ts';
import { spans, texts } from '../../../helpers/recognizerSpans.ts';

describe('recognizeCareUnits', () => {
  it('reports units and departments as ADDRESS, all at one score', () => {
    const text = 'Pt to cath lab, then CCU; later moved to bed 12.';
    const found = spans(text, recognizeCareUnits(text));
    expect(found.map((s) => s.text)).toEqual(['cath lab', 'CCU', 'bed 12']);
    expect(new Set(found.map((s) => `${s.type} ${s.score}`))).toEqual(new Set(['ADDRESS 0.8']));
  });

  it('leaves "the" outside the span, as for every other place', () => {
    const text = 'Back to the floor after the procedure, then to the MICU.';
    expect(texts(text, recognizeCareUnits(text))).toEqual(['floor', 'MICU']);
  });

  it('takes a two-letter unit that is also a word only in capitals, after "the", or before a number', () => {
    const text = 'Seen in the ED, then to the OR for washout; later ED 3; chest pain or dyspnea, seen in the er.';
    expect(texts(text, recognizeCareUnits(text))).toEqual(['ED', 'OR', 'ED', 'er']);
  });

  it('does not take those words in running text, nor in capitals when the whole text is in capitals', () => {
    expect(recognizeCareUnits('Drinks one or two beers; he was ed-ucated on diet.')).toEqual([]);
    expect(recognizeCareUnits('CONTINUE PLAN OR CALL IF WORSE.')).toEqual([]);
  });

  it('finds nothing in a note without units', () => {
    expect(recognizeCareUnits('Lungs clear bilaterally. Abdomen soft, non-tender.')).toEqual([]);
  });
});
