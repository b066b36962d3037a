import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { recognizeLocations } from '../../../../src/detect/recognizers/recognizeLocations.ts';
import { prepare, scoreOf, texts } from '../../../helpers/recognizerSpans.ts';

const locations = (text: string) => recognizeLocations(text, prepare(text).tokens, loadLexicon());
const score = (text: string, place: string) => scoreOf(text, locations(text), place);

describe('recognizeLocations', () => {
  it('finds cities and countries from the gazetteer as ADDRESS', () => {
    const text = 'Lives in Springfield; visiting family in Portugal.';
    expect(texts(text, locations(text))).toEqual(['Springfield', 'Portugal']);
    expect(locations(text).every((c) => c.type === 'ADDRESS')).toBe(true);
  });

  it('scores a place higher after a cue of living or coming from, and a country above a city', () => {
    expect(score('Lives in Springfield with her son.', 'Springfield')).toBeGreaterThan(
      score('Springfield is where she grew up.', 'Springfield'),
    );
    expect(score('Lives in Springfield with her son.', 'Springfield')).toBeGreaterThanOrEqual(0.5);
    expect(score('Visiting family in Portugal.', 'Portugal')).toBeGreaterThan(
      score('Visiting family in Springfield.', 'Springfield'),
    );
  });

  it('takes capitals for a place in text written all in capitals, where case says nothing', () => {
    expect(score('LIVES IN SPRINGFIELD', 'SPRINGFIELD')).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps towns named by everyday words, and short all-caps acronyms, under the default threshold', () => {
    const text = 'Refer to Sunrise for PT; wean to Bath. LIMA to LAD, SVG to OM.';
    expect(locations(text).filter((c) => c.score >= 0.5)).toEqual([]);
  });

  it('takes another hospital\'s initials after an arrival verb or a department, or unknown capitals after "at"', () => {
    expect(texts('transferred from UMMC with sepsis', locations('transferred from UMMC with sepsis'))).toEqual([
      'UMMC',
    ]);
    expect(texts('Follow up at NWH cardiology.', locations('Follow up at NWH cardiology.'))).toEqual(['NWH']);
    expect(
      texts(
        'She had her CABG at SVH in 2010 and has done well since.',
        locations('She had her CABG at SVH in 2010 and has done well since.'),
      ),
    ).toEqual(['SVH']);
    expect(score('Transferred from Lahey for ERCP.', 'Lahey')).toBeGreaterThanOrEqual(0.5);
  });

  it('finds no place in a note without one', () => {
    expect(locations('Seen at the clinic for a rash; moved to the chair.')).toEqual([]);
  });
});
