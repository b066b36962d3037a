import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import { recognizeLabelledNames } from '../../../../src/detect/recognizers/recognizeLabelledNames.ts';
import { spans, texts } from '../../../helpers/recognizerSpans.ts';

const labelled = (text: string) => recognizeLabelledNames(text, loadLexicon());

describe('recognizeLabelledNames', () => {
  it.each([
    ['Patient: Walker, Bobby', 'Walker, Bobby'],
    ['First name: Ann', 'Ann'],
    ['Tech: N. Murphy', 'N. Murphy'],
    ['Circulating RN: Price Moody', 'Price Moody'],
    ['Name: | Ann Lee', 'Ann Lee'],
  ])('takes the words after the label in %j as a NAME, whatever they are', (text, name) => {
    expect(spans(text, labelled(text))).toEqual([{ text: name, type: 'NAME', score: 0.85 }]);
  });

  it('takes the name after a letter opening, leaving the title outside', () => {
    expect(
      texts('Dear Dr. Ohanian,\nThank you for seeing her.', labelled('Dear Dr. Ohanian,\nThank you for seeing her.')),
    ).toEqual(['Ohanian']);
  });

  it('starts a name with a capitalised given name that is also a word', () => {
    expect(texts('From: Will Green', labelled('From: Will Green'))).toEqual(['Will Green']);
  });

  it('ends the name at the line and skips reply marks before it', () => {
    const text = 'To: Destiny Bond\nSubject: RE: Ivo Brankovich';
    expect(texts(text, labelled(text))).toEqual(['Destiny Bond', 'Ivo Brankovich']);
  });

  it.each(['HCP: daughter', 'To: the team', 'Diagnosis: Pneumonia', 'Plan: continue diuresis'])(
    'takes no name in %j',
    (text) => {
      expect(labelled(text)).toEqual([]);
    },
  );
});
