import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../src/cli/imageBatch/formatSummary.ts';

describe('formatSummary', () => {
  it('prints an aligned table, types most frequent first, then warnings and failures by file', () => {
    const text = formatSummary({
      pages: 3,
      masked: 2,
      failures: ['scans/torn.png: the image could not be decoded (corrupt, truncated or unsupported)'],
      skipped: 1,
      wordsCovered: 41,
      findingsByType: { ID: 4, NAME: 9, ADDRESS: 4, DATE: 6 },
      warnings: ['scans/big.png: OCR read only part of the page; some text may be unmasked'],
      seconds: 4.2,
    });
    expect(text).toBe(
      [
        'hdm: 3 pages in 4.2 s (1.40 s a page)',
        '  masked          2',
        '  failed          1',
        '  skipped         1  not images',
        '  words covered  41',
        '  PHI found      23  NAME 9, DATE 6, ADDRESS 4, ID 4',
        'warnings:',
        '  scans/big.png: OCR read only part of the page; some text may be unmasked',
        'failed:',
        '  scans/torn.png: the image could not be decoded (corrupt, truncated or unsupported)',
        '',
      ].join('\n'),
    );
  });

  it('leaves out empty sections and the rate when no page was attempted', () => {
    const text = formatSummary({
      pages: 0,
      masked: 0,
      failures: [],
      skipped: 2,
      wordsCovered: 0,
      findingsByType: {},
      warnings: [],
      seconds: 0.31,
    });
    expect(text).toBe(
      'hdm: 0 pages in 0.3 s\n  masked         0\n  failed         0\n  skipped        2  not images\n  words covered  0\n  PHI found      0\n',
    );
  });
});
