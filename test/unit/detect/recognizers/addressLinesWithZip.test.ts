import { describe, expect, it } from 'vitest';
import { addressLinesWithZip } from '../../../../src/detect/recognizers/addressLinesWithZip.ts';

const lines = (text: string): string[] => addressLinesWithZip(text).map((c) => text.slice(c.start, c.end));

describe('addressLinesWithZip', () => {
  it('takes a line from its house number to a state code and ZIP, across cells and misread letters', () => {
    expect(lines('Brockton,\n10584 | Road. | MA 92173\nRx# ORD-0895517')).toEqual(['10584 | Road. | MA 92173']);
    // "M1" is how a scan reads MI.
    expect(lines('31 Meadow | Warren,” | M1 13344')).toEqual(['31 Meadow | Warren,” | M1 13344']);
    expect(lines('  2583 Pine | Provo, UT 84601-5680.')).toEqual(['2583 Pine | Provo, UT 84601-5680']);
  });

  it('takes no line whose two letters before the number are no state, or that does not start with a number', () => {
    expect(lines('2 tabs daily | Rx 12345')).toEqual([]);
    expect(lines('3 vials of NS 50000')).toEqual([]);
    expect(lines('Lot 12 exp | CA 12345')).toEqual([]);
    expect(lines('10584 | Road. | MA 92173 | Qty 30')).toEqual([]);
  });

  it('takes a street line over a line that ends with a state code and ZIP, a blank line between at most', () => {
    expect(lines('Hao Yang-Das\n\n670 S. Hancock Driv\n\nBrooklyn, | NY 17624\nMETFORMIN')).toEqual([
      '670 S. Hancock Driv',
      'Brooklyn, | NY 17624',
    ]);
    expect(lines('2583 Pur\nPine | Rd.. | Prova, | UT | 09461-5682')).toEqual([
      '2583 Pur',
      'Pine | Rd.. | Prova, | UT | 09461-5682',
    ]);
  });

  it('takes no dose, count or time over a city line, nor a street line two blank lines away', () => {
    expect(lines('30 Tablets Daily\nBoston, MA 02115')).toEqual([]);
    expect(lines('12 Months Ago\nSpringfield, IL 62701')).toEqual([]);
    expect(lines('670 Hancock Drive\n\n\nBrooklyn, NY 17624')).toEqual([]);
    expect(lines('670 Hancock Drive\nBrooklyn is where she lives')).toEqual([]);
  });
});
