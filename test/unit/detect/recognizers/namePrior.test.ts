import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { namePrior } from '../../../../src/detect/recognizers/namePrior.ts';
import { tokenize } from '../../../../src/detect/tokenize.ts';

/** The prior of the token spelled `word` (its first occurrence) in `text`. */
function prior(text: string, word: string): number {
  const token = tokenize(text).find((t) => t.text === word);
  if (!token) throw new Error(`test bug: no token ${JSON.stringify(word)}`);
  return namePrior(token, loadLexicon(), text);
}

describe('namePrior', () => {
  it('ranks a capitalised given name over an unknown capitalised word over a capitalised drug short form', () => {
    const text = 'Pt Marla Quenby seen today; wife mary called. Levo weaned overnight.';
    const priors = ['Marla', 'Quenby', 'Levo'].map((w) => prior(text, w));
    expect(priors).toEqual([...priors].sort((a, b) => b - a));
    expect(new Set(priors).size).toBe(3);
    expect(priors[0]).toBeGreaterThanOrEqual(0.8);
    expect(priors[2]).toBeLessThan(0.5);
  });

  it("gives a lower-case given name a small prior that only context can lift past a name's", () => {
    const text = 'Pt Marla Quenby seen today; wife mary called.';
    expect(prior(text, 'mary')).toBeGreaterThan(0);
    expect(prior(text, 'mary')).toBeLessThan(0.5);
  });

  it('gives no prior to clinical words, abbreviations, headings and numbers', () => {
    const text = 'Gen: NAD. Pneumonitis noted, Cardiology consulted, EtOH use, CrCl 40.';
    for (const word of ['Gen', 'NAD', 'Pneumonitis', 'Cardiology', 'EtOH', 'CrCl', '40'])
      expect(prior(text, word)).toBe(0);
  });

  it('lowers the prior of a word a value follows, as a lab or vital sign is written, unless it is a given name', () => {
    expect(prior('Then Quenby 4.2 today', 'Quenby')).toBeLessThan(prior('Then Quenby visited today', 'Quenby'));
    expect(prior('Then Marla 4.2 today', 'Marla')).toBe(prior('Then Marla visited today', 'Marla'));
  });

  it('keeps inner capitals of surnames ("McDonald") and everyday given names ("Will", "Hope") apart from clinical shapes', () => {
    expect(prior('Son McDonald visited.', 'McDonald')).toBeGreaterThan(0.5);
    expect(prior('Will follow up; Hope is high.', 'Will')).toBeLessThan(0.5);
    expect(prior('Will follow up; Hope is high.', 'Hope')).toBeLessThan(0.5);
  });

  it('lets the name lists alone speak in text written all in capitals', () => {
    const text = 'MARLA QUENBY ADMITTED';
    expect(prior(text, 'MARLA')).toBeGreaterThan(prior(text, 'QUENBY'));
    expect(prior(text, 'ADMITTED')).toBe(0);
  });
});
