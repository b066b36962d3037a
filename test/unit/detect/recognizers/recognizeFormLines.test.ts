import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { recognizeFormLines } from '../../../../src/detect/recognizers/recognizeFormLines.ts';
import { spans, texts } from '../../../helpers/recognizerSpans.ts';

const formLines = (text: string) => recognizeFormLines(text, loadLexicon());

describe('recognizeFormLines', () => {
  it("takes a form's employer value whole as ADDRESS, and no value that names no employer", () => {
    const text = 'Employer: Takahashi & Sons Realty\nOccupation: none';
    expect(spans(text, formLines(text))).toEqual([
      { text: 'Takahashi & Sons Realty', type: 'ADDRESS', score: expect.any(Number) },
    ]);
    expect(formLines('Employer: retired')).toEqual([]);
    expect(formLines('Company: n/a')).toEqual([]);
  });

  it('takes a line that is only "Surname, Given [I]" as NAME, before a title separator too', () => {
    expect(
      texts('OTIENO, IBRAHIMA O\nChest PA and lateral', formLines('OTIENO, IBRAHIMA O\nChest PA and lateral')),
    ).toEqual(['OTIENO, IBRAHIMA O']);
    expect(texts('Quenby, Marla - Chart', formLines('Quenby, Marla - Chart'))).toEqual(['Quenby, Marla']);
  });

  it('leaves lines of a problem or medication list alone', () => {
    expect(formLines('NEURO, CV\nLasix, Metoprolol\nDiuresis, Gentle')).toEqual([]);
  });

  it('takes a line of everyday words as a name when another word of it is only a name', () => {
    // "Villanueva" is in a name list and in no English word list, so "BISHOP" is a given name here.
    const text = 'NEURO, CV\nVILLANUEVA, BISHOP\nAlert, Oriented';
    expect(spans(text, formLines(text))).toEqual([{ text: 'VILLANUEVA, BISHOP', type: 'NAME', score: 0.75 }]);
    expect(formLines('NEURO, CV')).toEqual([]);
    expect(formLines('Alert, Oriented')).toEqual([]);
    expect(formLines('Lasix, Metoprolol')).toEqual([]);
    // A surname that names a disease, beside a clinical word (a problem list); a name that is English too (skin: colour, warmth).
    expect(formLines('Parkinson, CHF')).toEqual([]);
    expect(formLines('Gray, Cool')).toEqual([]);
    // A problem list of eponyms names diseases, not a person.
    expect(formLines('Hashimoto, Graves')).toEqual([]);
    // A Latin phrase and a word of the non-PHI whitelist ("stable" is in no name list).
    expect(formLines('DE NOVO, STABLE')).toEqual([]);
  });

  it('takes everyday words as a name on the line above a street address', () => {
    const text = 'SNOW, YOUNG\n195 Bridge St';
    expect(texts(text, formLines(text))).toEqual(['SNOW, YOUNG']);
  });

  it('takes an addressee of two-letter names above a street address', () => {
    const text = 'Li Wu\n378 Birch Circle, Liberty, MO 61351';
    expect(texts(text, formLines(text))).toEqual(['Li Wu']);
  });

  it('takes the addressee line above a street address when a name list knows a word of it, below a labelled name', () => {
    const text = 'Miles Stone\n772 Holly Street, Spokane';
    const [addressee] = spans(text, formLines(text));
    expect(addressee).toMatchObject({ text: 'Miles Stone', type: 'NAME' });
    const labelled = spans('Quenby, Marla - Chart', formLines('Quenby, Marla - Chart'))[0];
    expect(addressee?.score).toBeLessThan(labelled?.score ?? 0);
    expect(formLines('Home Address\n772 Holly Street')).toEqual([]);
  });
});
