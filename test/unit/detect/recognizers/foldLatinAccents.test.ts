import { describe, expect, it } from 'vitest';
import { foldLatinAccents } from '../../../../src/detect/recognizers/foldLatinAccents.ts';

describe('foldLatinAccents', () => {
  it('replaces accented Latin letters by their base letters, one character for one', () => {
    const text = 'Peñalosa Ave, Stréet, Ærø, Straße, Łódź 5 mg';
    const folded = foldLatinAccents(text);
    expect(folded).toBe('Penalosa Ave, Street, Ærø, Straße, Łodz 5 mg');
    expect(folded).toHaveLength(text.length);
  });
});
