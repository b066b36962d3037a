import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { recognizeNamesInPlace } from '../../../../src/detect/recognizers/recognizeNamesInPlace.ts';
import { spans, texts } from '../../../helpers/recognizerSpans.ts';

const inPlace = (text: string) => recognizeNamesInPlace(text, loadLexicon());

describe('recognizeNamesInPlace', () => {
  it.each([
    ['Pt prefers to be called Bud.', 'Bud'],
    ['Goes by fang at home.', 'fang'],
  ])('takes the word after a preferred-name phrase in %j, whatever its case', (text, name) => {
    expect(spans(text, inPlace(text))).toEqual([{ text: name, type: 'NAME', score: 0.85 }]);
  });

  it('takes the name or initials on a signature line, without the credentials and the time', () => {
    expect(texts('Pain controlled.\nximena díaz, rn bsn', inPlace('Pain controlled.\nximena díaz, rn bsn'))).toEqual([
      'ximena díaz',
    ]);
    expect(texts('Pain controlled.\n-qr RN 2pm', inPlace('Pain controlled.\n-qr RN 2pm'))).toEqual(['qr']);
    expect(texts('Dose given.\n/DK', inPlace('Dose given.\n/DK'))).toEqual(['DK']);
  });

  it('takes the writer after a closing, in an e-mail signature block, and after an inline "thanks,"', () => {
    expect(texts('Thanks,\nOrsolya', inPlace('Thanks,\nOrsolya'))).toEqual(['Orsolya']);
    expect(texts('--\nharriet okwu | sicu | x4410', inPlace('--\nharriet okwu | sicu | x4410'))).toEqual([
      'harriet okwu',
    ]);
    expect(texts('will cont to monitor. thanks, sk', inPlace('will cont to monitor. thanks, sk'))).toEqual(['sk']);
    // Two or three letters after a closing are initials, unless they are a word addressed to everyone.
    expect(texts('Regards,\nSK', inPlace('Regards,\nSK'))).toEqual(['SK']);
    expect(texts('Regards,\nAT', inPlace('Regards,\nAT'))).toEqual(['AT']);
    expect(texts('Will review tomorrow.\nBest,\nAll', inPlace('Will review tomorrow.\nBest,\nAll'))).toEqual([]);
    expect(texts('Thanks,\nYou', inPlace('Thanks,\nYou'))).toEqual([]);
  });

  it('takes the name before a pager number, but not a role', () => {
    expect(texts('covering s. mirek p#76056', inPlace('covering s. mirek p#76056'))).toEqual(['s. mirek']);
    expect(inPlace('covering resident pager 4410')).toEqual([]);
  });

  it('takes a name that starts an event line of a nursing note, but not an everyday word or a drug', () => {
    expect(texts('callum refused am labs', inPlace('callum refused am labs'))).toEqual(['callum']);
    expect(inPlace('Family refused am labs\nPatient slept well\nVaso remains at 0.04')).toEqual([]);
  });

  it('takes a greeting line of its own at the top of a message or of a paragraph', () => {
    expect(texts('Ray -\nCan you check her K?', inPlace('Ray -\nCan you check her K?'))).toEqual(['Ray']);
    expect(texts('Hi team,\n\nDawn,\nPt is stable.', inPlace('Hi team,\n\nDawn,\nPt is stable.'))).toEqual(['Dawn']);
    expect(inPlace('Best,\nTeam')).toEqual([]);
  });

  it('gives the same candidates whether or not the caller passes the lower-cased text', () => {
    const text = 'Goes by Bud.\nThanks,\nOrsolya\n--\nHarriet Okwu | SICU';
    expect(recognizeNamesInPlace(text, loadLexicon(), text.toLowerCase())).toEqual(inPlace(text));
  });
});
