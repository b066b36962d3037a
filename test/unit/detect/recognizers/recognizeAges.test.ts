import { describe, expect, it } from 'vitest';
import { recognizeAges } from '../../../../src/detect/recognizers/recognizeAges.ts';
import { scoreOf, spans, texts } from '../../../helpers/recognizerSpans.ts';

const ages = (text: string) => recognizeAges(text);

describe('recognizeAges', () => {
  it.each([
    ['A 72-year-old woman with a history of CHF.', '72'],
    ['Pt is 45 yo M, admitted with chest pain.', '45'],
    ['Age: 35y', '35'],
    ['Fell at age of 79.', '79'],
    ['Patient aged 52 seen today.', '52'],
    ['58/F with dyspnea', '58'],
    ['Infant 6 weeks old, born at 38 weeks.', '6'],
    ['Patient is a sixty-seven-year-old man.', 'sixty-seven'],
    ['Grandmother in her late 80s.', '80s'],
    ['064Y M', '64'],
  ])('finds the age in %j as the value alone, without its unit', (text, value) => {
    expect(texts(text, ages(text))).toContain(value);
    expect(ages(text).every((c) => c.type === 'AGE')).toBe(true);
  });

  it('scores an age by how plainly the text says so: a unit of years, then a label, then a sex, then "he is"', () => {
    const yearsOld = 'A 72-year-old woman.';
    const labelled = 'Patient aged 72 seen today.';
    const withSex = '72 F presents with syncope.';
    const heIs = 'He is 72 and lives alone.';
    const bracketed = 'Ondrej Halvorsen (72) reports worsening cough.';
    const scores = [yearsOld, labelled, withSex, heIs, bracketed].map((text) => scoreOf(text, ages(text), '72'));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(scores.length);
    // All but the bare number in brackets pass the default threshold of 0.5 with room to spare.
    expect(scores.slice(0, 4).every((s) => s >= 0.8)).toBe(true);
  });

  it('marks ages over 89 with the AGE_OVER_89 trait (HIPAA Safe Harbor) and younger ones with none', () => {
    const old = 'She is 96 and lives alone.';
    expect(ages(old)).toEqual([
      { start: 7, end: 9, type: 'AGE', score: expect.any(Number), traits: [{ Name: 'AGE_OVER_89', Score: 1 }] },
    ]);
    expect(ages('Celebrated her 100th birthday.')[0]?.traits).toEqual([{ Name: 'AGE_OVER_89', Score: 1 }]);
    expect(ages('A 89-year-old man.')[0]?.traits).toBeUndefined();
  });

  it('takes no number over 125 for an age', () => {
    expect(ages('He is 130 years old.')).toEqual([]);
  });

  it("takes a decade for an age only when it is someone's", () => {
    const text = 'Grandmother in her late 80s, sats mid 90s, SBP 80s overnight.';
    expect(spans(text, ages(text))).toEqual([{ text: '80s', type: 'AGE', score: expect.any(Number) }]);
  });

  it.each([
    'Lasix 40 mg IV twice daily; follow up in 3 weeks; 2 days post-op.',
    'BP 128/84, HR 76, RR 18, temp 98.6.',
    'She is 5.2 kg at birth.',
    'Room 12, bed 2.',
  ])('finds no age in %j', (text) => {
    expect(ages(text)).toEqual([]);
  });

  it('gives the same candidates whether or not the caller passes the lower-cased text', () => {
    const text = 'A Sixty-Seven-Year-Old man, aged 67.';
    expect(recognizeAges(text, text.toLowerCase())).toEqual(recognizeAges(text));
  });
});
