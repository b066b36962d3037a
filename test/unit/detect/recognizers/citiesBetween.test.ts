import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../../src/detect/Candidate.ts';
import { citiesBetween } from '../../../../src/detect/recognizers/citiesBetween.ts';

/** An ADDRESS candidate over the first occurrence of `part` in `text`. */
function at(text: string, part: string, score = 0.9): Candidate {
  const start = text.indexOf(part);
  return { start, end: start + part.length, type: 'ADDRESS', score };
}

const cities = (text: string, found: Candidate[]): string[] =>
  citiesBetween(text, found).map((c) => text.slice(c.start, c.end));

describe('citiesBetween', () => {
  it('takes the words between a street and its state code with ZIP as the city, whatever their case', () => {
    const text = '28505 Warren Street, lackson, MS 08130';
    expect(cities(text, [at(text, '28505 Warren Street'), at(text, 'MS 08130', 0.95)])).toEqual(['lackson']);
    const cells = '9 Hill Street, Honolulu, | HI 96801';
    expect(cities(cells, [at(cells, '9 Hill Street'), at(cells, 'HI 96801', 0.95)])).toEqual(['Honolulu']);
  });

  it('takes nothing without a street with its house number before, across a line, or past a long gap', () => {
    const noNumber = 'Warren Street, lackson, MS 08130';
    expect(cities(noNumber, [at(noNumber, 'Warren Street'), at(noNumber, 'MS 08130', 0.95)])).toEqual([]);
    const twoLines = '28505 Warren Street,\nlackson, MS 08130';
    expect(cities(twoLines, [at(twoLines, '28505 Warren Street'), at(twoLines, 'MS 08130', 0.95)])).toEqual([]);
    const far = '28505 Warren Street, seen with her daughter in clinic today, MS 08130';
    expect(cities(far, [at(far, '28505 Warren Street'), at(far, 'MS 08130', 0.95)])).toEqual([]);
    // A weak street candidate (a name-like guess) is not enough.
    const weak = '12 Maple, lackson, MS 08130';
    expect(cities(weak, [at(weak, '12 Maple', 0.5), at(weak, 'MS 08130', 0.95)])).toEqual([]);
  });
});
