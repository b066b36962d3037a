import { describe, expect, it } from 'vitest';
import { isGenericCareUnit } from '../../../src/core/careUnits.ts';
import { covers, detector, untouched } from '../../helpers/detectHelpers.ts';

const NOTE = 'Pt transferred from CVICU to the floor at 0300, rm 508. Seen in the ED, then to IR and back to Tele.';

function masked(text: string, maskCareUnits: boolean): string[] {
  return detector.detectSync(text, { minScore: 0.5, maskCareUnits }).map((e) => e.Text);
}

describe('generic care units: kept by default, masked on request', () => {
  it('keeps units and departments by default and masks them with maskCareUnits', () => {
    for (const unit of ['CVICU', 'floor', 'ED', 'IR', 'Tele']) {
      expect(untouched(NOTE, unit)).toBe(true);
      expect(masked(NOTE, true)).toContain(unit);
    }
  });

  it('leaves the article outside and the conjunction "or" alone', () => {
    const text = 'Back to the floor or to step-down unit, or to the OR in the am.';
    const found = masked(text, true);
    expect(found).toEqual(['floor', 'step-down unit', 'OR']);
  });

  it.each([
    ['MOVED TO RM 14, FROM SICU.', '14'],
    ['moved to room 7b overnight.', '7b'],
    ['Pt in Room 412, bed by window.', '412'],
  ])('masks the room number in %j whatever the option', (text, room) => {
    expect(covers(text, room)).toBe(true);
    expect(masked(text, false)).toContain(room);
  });

  it('does not read room air or a time as a room', () => {
    expect(masked('Sat 95% on room air, rm temp 22 at 0800.', false)).toEqual([]);
  });

  it('recognises the same units Comprehend Medical output is filtered by', () => {
    expect(['MICU', 'the ED', 'Cath Lab', 'bed 12', 'step-down unit'].every(isGenericCareUnit)).toBe(true);
    expect(['Ellison 10', 'Ward 7B', '4 North', 'Mercy Hospital', 'Boston'].some(isGenericCareUnit)).toBe(false);
  });
});
