import { describe, expect, it } from 'vitest';
import { recognizeIds } from '../../../../src/detect/recognizers/recognizeIds.ts';
import { prepare, scoreOf, texts } from '../../../helpers/recognizerSpans.ts';

function ids(text: string) {
  const { tokens, safe } = prepare(text);
  return recognizeIds(text, tokens, safe);
}

describe('recognizeIds', () => {
  it('takes the value after an identifier label, not the label, with the top score for IDs', () => {
    const text = 'MRN: 4471920, acct #A-99231, specimen AB-102934 sent.';
    expect(new Set(texts(text, ids(text)))).toEqual(new Set(['4471920', 'A-99231', 'AB-102934']));
    expect(scoreOf(text, ids(text), '4471920')).toBeGreaterThanOrEqual(0.95);
    expect(ids(text).every((c) => c.type === 'ID')).toBe(true);
  });

  it('scores a valid social security number above one that cannot be issued', () => {
    const text = 'Numbers on file: 123-45-6789 and 000-12-3456.';
    expect(scoreOf(text, ids(text), '123-45-6789')).toBeGreaterThan(scoreOf(text, ids(text), '000-12-3456'));
    expect(scoreOf(text, ids(text), '000-12-3456')).toBeGreaterThanOrEqual(0.5);
  });

  it('takes a social security number written in spaced groups only after its label', () => {
    expect(texts('SS# 412 55 7789', ids('SS# 412 55 7789'))).toEqual(['412 55 7789']);
    expect(ids('Drank 412 55 7789 times')).toEqual([]);
  });

  it('scores a long unlabelled number that passes the NPI check above one that does not', () => {
    const text = 'Numbers 1234567893 and 1234567890 on the form.';
    expect(scoreOf(text, ids(text), '1234567893')).toBeGreaterThan(scoreOf(text, ids(text), '1234567890'));
  });

  it('finds a VIN by its check digit and a plate after its label', () => {
    expect(texts('VIN 1HGCM82633A004352 on the form', ids('VIN 1HGCM82633A004352 on the form'))).toContain(
      '1HGCM82633A004352',
    );
    expect(texts('License plate 7ABC123', ids('License plate 7ABC123'))).toContain('7ABC123');
  });

  it('reads "10:" or "lD:" at a line start as a scanned "ID:" label when six digits or more follow', () => {
    expect(texts('10: 15-272-950', ids('10: 15-272-950'))).toEqual(['15-272-950']);
    expect(ids('10: 12')).toEqual([]);
  });

  it('marks a medical code as safe instead of reporting it', () => {
    const text = 'ICD-10 code 1234567 billed.';
    const { tokens, safe } = prepare(text);
    expect(recognizeIds(text, tokens, safe)).toEqual([]);
    expect(safe).toContainEqual({ start: text.indexOf('1234567'), end: text.indexOf('1234567') + 7 });
  });

  it.each([
    'Spine L4-5, COVID-19 negative, H1N1 vaccine given.',
    'Vent 14x700x100, PEEP 5.',
    'Wt 72.4 kg, plt 150000, Hgb 11.2.',
    'Lasix 40 mg; K 4.1; BP 128/84.',
  ])('finds no ID in %j', (text) => {
    expect(ids(text)).toEqual([]);
  });
});
