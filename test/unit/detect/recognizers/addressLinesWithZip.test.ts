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
});
