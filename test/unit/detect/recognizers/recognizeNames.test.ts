import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { recognizeNames } from '../../../../src/detect/recognizers/recognizeNames.ts';
import { prepare, scoreOf, texts } from '../../../helpers/recognizerSpans.ts';

function names(text: string) {
  const { tokens, safe } = prepare(text);
  return recognizeNames(text, tokens, loadLexicon(), safe);
}
/** What passes LocalPhiDetector's default threshold of 0.5. */
const likely = (text: string) =>
  texts(
    text,
    names(text).filter((c) => c.score >= 0.5),
  );

describe('recognizeNames', () => {
  it.each([
    ['Pt Marla Quenby seen today.', 'Marla Quenby'],
    ['Mother Odile Farnsworth at bedside.', 'Odile Farnsworth'],
    ['Son Tobias visiting this afternoon.', 'Tobias'],
    ['Wife mary called with questions.', 'mary'],
    ['MARLA QUENBY ADMITTED FOR CHF', 'MARLA QUENBY'],
  ])('finds the name in %j as one NAME span', (text, name) => {
    expect(likely(text)).toEqual([name]);
    expect(names(text).every((c) => c.type === 'NAME')).toBe(true);
  });

  it('leaves a title outside the span and scores a titled name highest', () => {
    const titled = 'Seen by Dr. Anselm Ohanian in clinic.';
    const plain = 'Pt Marla Quenby seen today.';
    expect(likely(titled)).toEqual(['Anselm Ohanian']);
    expect(scoreOf(titled, names(titled), 'Anselm Ohanian')).toBeGreaterThan(
      scoreOf(plain, names(plain), 'Marla Quenby'),
    );
  });

  it("takes a name a scan set apart from its title as the next cell, after the title's period only", () => {
    expect(likely('Prescriber: Dr. | El-Sayed | DOB: 07/09/1966')).toEqual(['El-Sayed']);
    expect(likely('160 Holly Dr | June 3')).toEqual([]);
  });

  it('keeps the period of a final initial in the span', () => {
    expect(likely('Discussed with Marla Q. about discharge.')).toEqual(['Marla Q.']);
  });

  it('takes no name inside an eponym, unless a title makes the surname a person', () => {
    expect(names("History of Parkinson's disease.")).toEqual([]);
    expect(likely('Seen by Dr. Parkinson today.')).toEqual(['Parkinson']);
  });

  it.each([
    'Levo weaned overnight, Lytes repleted.',
    'Cont Lasix, Metoprolol, Heparin gtt.',
    'Seen in the ED by the Medicine team.',
    'Will follow up in clinic.',
    'Wt 80 kg, Trop 0.01.',
  ])('takes nothing in %j for a name at the default threshold', (text) => {
    expect(likely(text)).toEqual([]);
  });
});
