import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../../src/detect/Candidate.ts';
import { recognizeDates } from '../../../../src/detect/recognizers/recognizeDates.ts';
import { scoreOf, texts } from '../../../helpers/recognizerSpans.ts';

const dates = (text: string) => recognizeDates(text);
/** What passes LocalPhiDetector's default threshold of 0.5. */
const likely = (text: string) =>
  texts(
    text,
    dates(text).filter((c: Candidate) => c.score >= 0.5),
  );

describe('recognizeDates', () => {
  it.each([
    ['Seen on 03/14/2023 in clinic.', '03/14/2023'],
    ['Echo 2023-04-02 was normal.', '2023-04-02'],
    ['Admitted March 3, 2024 via the ED.', 'March 3, 2024'],
    ['Discharged 14 Mar 2024 to home.', '14 Mar 2024'],
    ['Last seen 30 MAY 2021.', '30 MAY 2021'],
    ['DOB: 88-09-1939', '88-09-1939'],
  ])('finds the full date in %j whole, as DATE', (text, date) => {
    expect(likely(text)).toContain(date);
    expect(dates(text).every((c) => c.type === 'DATE')).toBe(true);
  });

  it.each([
    ['Admitted 3/12 from the ED.', '3/12'],
    ['Quit smoking in 1998.', '1998'],
    ['Echo on Monday was normal.', 'Monday'],
    ['Since March he walks less.', 'March'],
    ['Home for Christmas with family.', 'Christmas'],
    ['Follow up on the 14th.', '14th'],
    ['s/p CABG 2005 at an outside hospital.', '2005'],
  ])('finds the partial date in %j', (text, date) => {
    expect(likely(text)).toContain(date);
  });

  it('scores a full date above a date that needs its context, and a bare year lowest', () => {
    const full = 'Seen on 03/14/2023 in clinic.';
    const partial = 'Admitted 3/12 from the ED.';
    const month = 'Since March he walks less.';
    const decade = 'Born in the 1950s.';
    expect(scoreOf(full, dates(full), '03/14/2023')).toBeGreaterThan(scoreOf(partial, dates(partial), '3/12'));
    expect(scoreOf(partial, dates(partial), '3/12')).toBeGreaterThan(scoreOf(month, dates(month), 'March'));
    expect(scoreOf(month, dates(month), 'March')).toBeGreaterThan(scoreOf(decade, dates(decade), '1950s'));
  });

  it('takes a two-digit year after an apostrophe, more surely after a cue of time', () => {
    const cued = "Dx in '09 by her PCP.";
    const bare = "CABG '09 at an outside hospital.";
    expect(scoreOf(cued, dates(cued), "'09")).toBeGreaterThan(scoreOf(bare, dates(bare), "'09"));
    expect(scoreOf(bare, dates(bare), "'09")).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    'Pain 4/10 after morphine; strength 4/5; 1/2 tab at night.',
    'Murmur 2/6 at the apex.',
    'Ate at 1930 per wife; BNP 1961.',
    'Lasix 40 mg IV x 3 days; 2000 mL out.',
    'HD Mon/Wed/Fri via left arm fistula.',
    'Sat up in chair; sats 94% on 2 L.',
    'Christmas disease, on factor IX.',
  ])('takes nothing in %j for a date at the default threshold', (text) => {
    expect(likely(text)).toEqual([]);
  });

  it('reads three numbers after a ventilator setting as a setting, and after an event word as a date', () => {
    const text = 'PS 10/5/40 on the vent; trach placed 4/12/21.';
    expect(scoreOf(text, dates(text), '10/5/40')).toBeLessThan(0.5);
    expect(scoreOf(text, dates(text), '4/12/21')).toBeGreaterThanOrEqual(0.9);
  });

  it('takes "may" with a day for the verb unless it is written "May" or a year comes with it', () => {
    expect(scoreOf('It may 3 times a day.', dates('It may 3 times a day.'), 'may 3')).toBeLessThan(0.5);
    expect(likely('Seen May 3 in clinic.')).toContain('May 3');
    expect(likely('Seen may 3, 2021 in clinic.')).toContain('may 3, 2021');
  });

  it('takes the year a scan set apart in the next cell into a month and day, past a period read for its comma', () => {
    expect(likely('Filled: April 24. | 2019')).toEqual(['April 24. | 2019']);
    expect(likely('Filled: April 24, | 2019')).toEqual(['April 24, | 2019']);
    expect(likely('Filled: 9 August | 2020')).toEqual(['9 August | 2020']);
    // A dose in the next cell is no year; nor is a number of five digits.
    expect(likely('April 24 | 300 mg')).toEqual(['April 24']);
    expect(likely('Filled: April 24. | 20190')).toEqual(['April 24']);
  });

  it('takes a date whose day and year a scan set apart from the month as another cell', () => {
    expect(likely('DOB: November | 23, 1918')).toContain('November | 23, 1918');
    // A month column beside a count column, with no year, is no such date.
    expect(likely('November | 23 | 1918 units').join(' ')).not.toContain('|');
  });

  it('takes an ISO date whose first hyphen a scan read as a space, and no dose', () => {
    expect(likely('Discard after: 2019 08-01')).toEqual(['2019 08-01']);
    expect(likely('Started 2019 10-12 mg daily').join(' ')).not.toContain('10-12');
  });

  it('gives the same candidates whether or not the caller passes the lower-cased text', () => {
    const text = 'ADMITTED MARCH 3, 2024; seen Monday 3/18 and on the 21st.';
    expect(recognizeDates(text, text.toLowerCase())).toEqual(recognizeDates(text));
  });
});
