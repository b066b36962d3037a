import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { recognizePlaceSlots } from '../../../../src/detect/recognizers/recognizePlaceSlots.ts';
import { prepare, scoreOf, spans, texts } from '../../../helpers/recognizerSpans.ts';

const slots = (text: string) => recognizePlaceSlots(text, prepare(text).tokens, loadLexicon());

describe('recognizePlaceSlots', () => {
  it.each([
    ['Transferred from Holy Redeemer for further care.', 'Holy Redeemer'],
    ['D/c to willow creek nursing and rehabilitation center.', 'willow creek nursing and rehabilitation center'],
    ['Bed assigned on Kessler 9 tonight.', 'Kessler 9'],
    ['Will follow up at Quorrington tomorrow.', 'Quorrington'],
  ])('takes the place after a verb of arrival, transfer or follow-up in %j', (text, place) => {
    expect(spans(text, slots(text))).toEqual([{ text: place, type: 'ADDRESS', score: expect.any(Number) }]);
  });

  it('scores a name of unusual words above one made of ordinary words before a facility word', () => {
    const unusual = 'Transferred from Holy Redeemer for further care.';
    const ordinary = 'Transferred to Harbor Valley Medical Center yesterday.';
    expect(texts(ordinary, slots(ordinary))).toEqual(['Harbor Valley Medical Center']);
    expect(scoreOf(unusual, slots(unusual), 'Holy Redeemer')).toBeGreaterThan(
      scoreOf(ordinary, slots(ordinary), 'Harbor Valley Medical Center'),
    );
  });

  it.each([
    'Discharged to home with services.',
    'Transferred to the floor on levo.',
    'Started on levo 5 overnight.',
    'Returned from outside hospital.',
    'Moved to the chair on Friday.',
  ])('takes no place in %j', (text) => {
    expect(slots(text)).toEqual([]);
  });
});
