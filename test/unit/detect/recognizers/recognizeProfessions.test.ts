import { describe, expect, it } from 'vitest';
import { RELATIONS } from '../../../../src/detect/nameCues.ts';
import { recognizeProfessions } from '../../../../src/detect/recognizers/recognizeProfessions.ts';
import { prepare, scoreOf, texts } from '../../../helpers/recognizerSpans.ts';

const professions = (text: string) => recognizeProfessions(text, prepare(text).tokens, (w) => RELATIONS.has(w));
const score = (text: string, job: string) => scoreOf(text, professions(text), job);

describe('recognizeProfessions', () => {
  it.each([
    ['Works as a pawnbroker at the market.', 'pawnbroker'],
    ['Occupation: research scientist', 'research scientist'],
    ['Job title: bus driver', 'bus driver'],
    ['Sister (yoga instructor) at bedside.', 'yoga instructor'],
    ['He is a retired machinist.', 'machinist'],
  ])('finds the job in %j as PROFESSION', (text, job) => {
    expect(texts(text, professions(text))).toContain(job);
    expect(professions(text).every((c) => c.type === 'PROFESSION')).toBe(true);
  });

  it('scores a job after a cue above the same job alone, and a job that is also a clinical word alone lowest', () => {
    const scores = [
      score('Retired interpreter, lives alone.', 'interpreter'),
      score('Machinist, smokes 1 ppd.', 'Machinist'),
      score('Interpreter present for the visit.', 'Interpreter'),
    ];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[1]).toBeGreaterThanOrEqual(0.5);
    expect(scores[2]).toBeLessThan(0.5);
  });

  it('takes a care-team role only after a job cue', () => {
    expect(professions('Seen by the nurse and the resident.')).toEqual([]);
    expect(
      texts(
        'Wife is a nurse at the VA; formerly a nurse.',
        professions('Wife is a nurse at the VA; formerly a nurse.'),
      ),
    ).toEqual(['nurse', 'nurse']);
  });

  it('takes a word in brackets after a relative only when it is shaped like a job', () => {
    expect(
      texts('Daughter (software developer) called.', professions('Daughter (software developer) called.')),
    ).toContain('software developer');
    expect(professions('Brother (Michael) visited.')).toEqual([]);
  });

  it('takes no form value that says there is no job', () => {
    expect(professions('Occupation: retired')).toEqual([]);
    expect(professions('Occupation: unemployed')).toEqual([]);
  });
});
