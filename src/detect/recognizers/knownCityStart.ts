import type { AddressLexicon } from './AddressLexicon.ts';

/**
 * Where the known city in the words before a state code starts (0: all of them), or -1 for none: in "Street.
 * Honolulu, HI" the street's last word, a period read for its comma, came before the city.
 */
export function knownCityStart(words: string, lexicon: Pick<AddressLexicon, 'isCity'>): number {
  if (lexicon.isCity(words.toLowerCase())) return 0;
  // Only after a word that ends a sentence: in "Sipho Jackson, MD" the city's name is a surname.
  for (const m of words.matchAll(/(?<=\.[ \t]+)[A-Z]/g))
    if (lexicon.isCity(words.slice(m.index).toLowerCase())) return m.index;
  return -1;
}
