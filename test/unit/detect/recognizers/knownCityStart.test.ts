import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { knownCityStart } from '../../../../src/detect/recognizers/knownCityStart.ts';

describe('knownCityStart', () => {
  // Only the gazetteer is asked, as LocalPhiDetector answers it from the shipped lists.
  const { cities } = loadLexicon();
  const lexicon = { isCity: (name: string) => cities.has(name) };

  it('finds a known city as all the words, or after a word that ends a sentence', () => {
    expect(knownCityStart('Salt Lake City', lexicon)).toBe(0);
    expect(knownCityStart('Street. Honolulu', lexicon)).toBe('Street. '.length);
  });

  it('finds none in a name whose surname is a city, nor in words no list holds', () => {
    expect(knownCityStart('Sipho Jackson', lexicon)).toBe(-1);
    expect(knownCityStart('Plan. Lasix', lexicon)).toBe(-1);
  });
});
