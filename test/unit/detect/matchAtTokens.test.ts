import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordStart, matchAtTokens } from '../../../src/detect/matchAtTokens.ts';
import { tokenize } from '../../../src/detect/tokenize.ts';

const LABEL = /\b(?:mrn|acct|record\s+no)\s*[:#]?\s*([A-Z0-9]*\d[A-Z0-9]*)/gi;
const LABEL_STICKY = /(?:mrn|acct|record\s+no)\s*[:#]?\s*([A-Z0-9]*\d[A-Z0-9]*)/iy;
const pieces = fc.constantFrom(
  'MRN',
  'mrn',
  'Acct',
  'record',
  'no',
  ':',
  '#',
  ' ',
  '\n',
  '12345',
  'A77',
  'MRN12345',
  'acctX9',
  'X',
  '-9',
  '/',
  'pt',
  'seen',
  '.',
);

describe('matchAtTokens', () => {
  it('finds what a global scan of a keyword-led pattern finds', () => {
    const canStart = keywordStart(new Set(['mrn', 'acct', 'record']));
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
        (text) => {
          const expected = [...text.matchAll(LABEL)].map((m) => [m.index, m[0]]);
          const actual = matchAtTokens(text, tokenize(text), LABEL_STICKY, canStart).map((m) => [m.index, m[0]]);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads the letters of a glued label and value as the label', () => {
    const text = 'see MRN12345 today';
    expect(matchAtTokens(text, tokenize(text), LABEL_STICKY, keywordStart(new Set(['mrn'])))[0]?.[1]).toBe('12345');
  });
});
