import { describe, expect, it } from 'vitest';
import type { SafeSpan } from '../../../../src/detect/Candidate.ts';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { recognizeSafeSpans } from '../../../../src/detect/recognizers/recognizeSafeSpans.ts';
import { tokenize } from '../../../../src/detect/tokenize.ts';

const safeSpans = (text: string) => recognizeSafeSpans(text, tokenize(text), loadLexicon());

/** Whether the safe spans together cover every letter of `phrase` (first occurrence). */
function covered(text: string, spans: SafeSpan[], phrase: string): boolean {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`test bug: ${JSON.stringify(phrase)} is not in the text`);
  for (let i = start; i < start + phrase.length; i++) {
    if (/\p{L}/u.test(text[i] ?? '') && !spans.some((s) => s.start <= i && i < s.end)) return false;
  }
  return true;
}

describe('recognizeSafeSpans', () => {
  it.each([
    ["History of Parkinson's disease.", "Parkinson's disease"],
    ["Left-sided Bell's palsy since May.", "Bell's palsy"],
    ['GCS by Glasgow Coma Scale 15.', 'Glasgow Coma Scale'],
    ['Jackson-Pratt drain in place.', 'Jackson-Pratt'],
    ['Budd-Chiari syndrome suspected.', 'Budd-Chiari'],
    ['Wolff-Parkinson-White on ECG.', 'Wolff-Parkinson-White'],
    ["Lou Gehrig's disease in her father.", "Lou Gehrig's"],
    ['Wells criteria low.', 'Wells criteria'],
    ['Hodgkin lymphoma in remission.', 'Hodgkin lymphoma'],
    ['Trousseau sign positive, Chvostek sign negative.', 'Chvostek sign'],
  ])('keeps the named disease, sign, scale or device in %j safe', (text, phrase) => {
    expect(covered(text, safeSpans(text), phrase)).toBe(true);
  });

  it('marks a listed eponym safe even without a head noun, so a name alone needs a title to become one', () => {
    const text = 'Seen by Dr. Parkinson today.';
    expect(safeSpans(text)).toEqual([{ start: text.indexOf('Parkinson'), end: text.indexOf('Parkinson') + 9 }]);
  });

  it('leaves surnames that name no disease, sign, scale or device alone', () => {
    expect(safeSpans('Mr. Bell called; Ivo Brankovich and Marla Quenby visited.')).toEqual([]);
  });

  it('takes any capitalised word before a head noun for a named scale, but not across a line break', () => {
    const text = 'Scored on the Quenby scale today.';
    expect(safeSpans(text)).toEqual([{ start: text.indexOf('Quenby'), end: text.indexOf('scale') + 5 }]);
    expect(safeSpans('Scored on the Quenby\nscale today.')).toEqual([]);
  });
});
