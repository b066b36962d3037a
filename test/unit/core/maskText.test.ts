import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { maskText, type MaskOptions } from '../../../src/core/maskText.ts';
import type { PhiEntity, PhiType } from '../../../src/core/PhiEntity.ts';

// Synthetic text only: the names and dates below belong to nobody.
function entity(text: string, begin: number, end: number, Type: PhiType = 'NAME', Score = 0.9): PhiEntity {
  return {
    Id: 0,
    BeginOffset: begin,
    EndOffset: end,
    Score,
    Text: text.slice(begin, end),
    Category: 'PROTECTED_HEALTH_INFORMATION',
    Type,
    Traits: [],
  };
}

/** An entity for the first occurrence of `part` in `text`. */
function at(text: string, part: string, Type: PhiType = 'NAME', Score = 0.9): PhiEntity {
  const begin = text.indexOf(part);
  if (begin < 0) throw new Error(`test bug: ${part} not in text`);
  return entity(text, begin, begin + part.length, Type, Score);
}

const NOTE = 'Seen by Dr Ann Lee on 2024-03-01.';
const NOTE_ENTITIES = [at(NOTE, 'Ann Lee'), at(NOTE, '2024-03-01', 'DATE', 0.99)];

describe('maskText', () => {
  describe('styles', () => {
    it('renders type labels by default and reports the spans in original offsets', () => {
      expect(maskText(NOTE, NOTE_ENTITIES)).toEqual({
        maskedText: 'Seen by Dr [NAME] on [DATE].',
        spans: [
          { begin: 11, end: 18, type: 'NAME', score: 0.9 },
          { begin: 22, end: 32, type: 'DATE', score: 0.99 },
        ],
      });
    });

    it('CHARACTER repeats * once per code point, or the character given', () => {
      expect(maskText(NOTE, NOTE_ENTITIES, { style: 'CHARACTER' }).maskedText).toBe(
        'Seen by Dr ******* on **********.',
      );
      expect(maskText(NOTE, NOTE_ENTITIES, { style: 'CHARACTER', character: '#' }).maskedText).toBe(
        'Seen by Dr ####### on ##########.',
      );
      expect(maskText('x Ann', [entity('x Ann', 2, 5)], { style: 'CHARACTER', character: '😀' }).maskedText).toBe(
        'x 😀😀😀',
      );
    });

    it('CHARACTER keeps line breaks inside a span, so layout and length in code points stay the same', () => {
      const text = 'Name: Ann\nLee\r\nMoe.';
      const result = maskText(text, [at(text, 'Ann\nLee\r\nMoe')], { style: 'CHARACTER' });
      expect(result.maskedText).toBe('Name: ***\n***\r\n***.');
    });

    it('FIXED renders [REDACTED], or the replacement given', () => {
      expect(maskText(NOTE, NOTE_ENTITIES, { style: 'FIXED' }).maskedText).toBe('Seen by Dr [REDACTED] on [REDACTED].');
      expect(maskText(NOTE, NOTE_ENTITIES, { style: 'FIXED', replacement: '<phi>' }).maskedText).toBe(
        'Seen by Dr <phi> on <phi>.',
      );
    });

    it('applies per-type overrides on top of the top-level style options', () => {
      const options: MaskOptions = {
        character: '#',
        typeStyles: { NAME: { style: 'CHARACTER' }, DATE: { style: 'FIXED', replacement: '<date>' } },
      };
      expect(maskText(NOTE, NOTE_ENTITIES, options).maskedText).toBe('Seen by Dr ####### on <date>.');
      const text = 'Ann, 42';
      expect(maskText(text, [at(text, 'Ann'), at(text, '42', 'AGE')], options).maskedText).toBe('###, [AGE]');
    });

    it.each(['', '**', 'e\u0301', '\n', '\r', '\uD800'])('rejects the mask character %j', (character) => {
      expect(() => maskText(NOTE, NOTE_ENTITIES, { style: 'CHARACTER', character })).toThrow(InvalidInputError);
      expect(() => maskText(NOTE, NOTE_ENTITIES, { typeStyles: { NAME: { character } } })).toThrow(InvalidInputError);
    });

    it('accepts one astral code point as the mask character', () => {
      expect(() => maskText(NOTE, [], { character: '🔒' })).not.toThrow();
    });
  });

  describe('offsets, not text', () => {
    it('masks only the found occurrence, never other copies of the same text', () => {
      const text = 'Ann saw Ann';
      expect(maskText(text, [entity(text, 0, 3)]).maskedText).toBe('[NAME] saw Ann');
    });

    it('handles entities at the very start and end of the text, and covering all of it', () => {
      const text = 'Ann was seen 2024';
      expect(maskText(text, [at(text, 'Ann'), at(text, '2024', 'DATE')]).maskedText).toBe('[NAME] was seen [DATE]');
      expect(maskText(text, [entity(text, 0, text.length)]).spans).toEqual([
        { begin: 0, end: text.length, type: 'NAME', score: 0.9 },
      ]);
    });

    it('returns the text unchanged and no spans when there is nothing to mask', () => {
      expect(maskText(NOTE, [])).toEqual({ maskedText: NOTE, spans: [] });
      expect(maskText('', [])).toEqual({ maskedText: '', spans: [] });
    });
  });

  describe('grapheme safety', () => {
    it('never splits a surrogate pair', () => {
      const text = 'a😀b';
      for (const [begin, end] of [
        [1, 2],
        [2, 3],
        [1, 3],
      ] as const) {
        const result = maskText(text, [entity(text, begin, end)], { style: 'CHARACTER' });
        expect(result.spans).toEqual([{ begin: 1, end: 3, type: 'NAME', score: 0.9 }]);
        expect(result.maskedText).toBe('a*b');
      }
    });

    it('keeps combining marks with their base character', () => {
      const text = 'cafe\u0301 Ann';
      const result = maskText(text, [entity(text, 0, 4)], { style: 'CHARACTER' });
      expect(result.spans[0]).toMatchObject({ begin: 0, end: 5 });
      expect(result.maskedText).toBe('***** Ann');
      // An entity starting on the mark takes its base character too.
      expect(maskText(text, [entity(text, 4, 5)]).spans[0]).toMatchObject({ begin: 3, end: 5 });
    });

    it('keeps an emoji ZWJ sequence whole', () => {
      const text = 'Dr 👩‍⚕️ Lee';
      const emoji = '👩‍⚕️';
      const result = maskText(text, [entity(text, 3, 4, 'PROFESSION')]);
      expect(result.spans[0]).toMatchObject({ begin: 3, end: 3 + emoji.length });
      expect(result.maskedText).toBe('Dr [PROFESSION] Lee');
    });

    it('keeps CRLF together', () => {
      const text = 'Ann\r\nLee';
      const result = maskText(text, [entity(text, 0, 4)], { style: 'CHARACTER' });
      expect(result.spans[0]).toMatchObject({ begin: 0, end: 5 });
      expect(result.maskedText).toBe('***\r\nLee');
    });

    it('keeps regional-indicator flags in pairs', () => {
      const text = '🇺🇸🇬🇧';
      expect(maskText(text, [entity(text, 4, 6)]).spans[0]).toMatchObject({ begin: 4, end: 8 });
    });

    it('finds clusters far from any ASCII, even where a segmentation window would cut a surrogate pair', () => {
      // 61 Cyrillic letters put the flag's second half across the 64-code-unit window edge.
      const text = `${'Ж'.repeat(61)}🇺🇸${'Ж'.repeat(100)}`;
      expect(maskText(text, [entity(text, 64, 65)]).spans[0]).toMatchObject({ begin: 61, end: 65 });
      expect(maskText(text, [entity(text, 150, 151)]).spans[0]).toMatchObject({ begin: 150, end: 151 });
    });
  });

  describe('filters', () => {
    it('masks a score of exactly minScore (default 0.5) and nothing below', () => {
      const text = 'Ann and Lee';
      const entities = [entity(text, 0, 3, 'NAME', 0.5), entity(text, 8, 11, 'NAME', 0.4999)];
      expect(maskText(text, entities).maskedText).toBe('[NAME] and Lee');
      expect(maskText(text, entities, { minScore: 0.4 }).maskedText).toBe('[NAME] and [NAME]');
    });

    it('masks only the types asked for; an empty list masks no entity', () => {
      expect(maskText(NOTE, NOTE_ENTITIES, { types: ['DATE'] }).maskedText).toBe('Seen by Dr Ann Lee on [DATE].');
      expect(maskText(NOTE, NOTE_ENTITIES, { types: [] }).maskedText).toBe(NOTE);
    });
  });

  describe('merging', () => {
    it('merges overlapping spans, naming them after the highest-scoring member', () => {
      const text = 'Dr Ann Lee';
      const result = maskText(text, [entity(text, 0, 6, 'PROFESSION', 0.6), entity(text, 3, 10, 'NAME', 0.8)]);
      expect(result).toEqual({ maskedText: '[NAME]', spans: [{ begin: 0, end: 10, type: 'NAME', score: 0.8 }] });
    });

    it('merges touching spans (end === next begin) but not spans one character apart', () => {
      const text = 'AnnLee Moe';
      const touching = [entity(text, 0, 3, 'NAME'), entity(text, 3, 6, 'NAME')];
      expect(maskText(text, touching).spans).toEqual([{ begin: 0, end: 6, type: 'NAME', score: 0.9 }]);
      expect(maskText(text, [...touching, entity(text, 7, 10)]).maskedText).toBe('[NAME] [NAME]');
    });

    it('breaks score ties by length, then by position', () => {
      const text = 'Ann Lee';
      expect(maskText(text, [entity(text, 0, 3, 'ID', 0.7), entity(text, 2, 7, 'NAME', 0.7)]).spans[0]?.type).toBe(
        'NAME',
      );
      expect(maskText(text, [entity(text, 3, 7, 'NAME', 0.7), entity(text, 0, 4, 'ID', 0.7)]).spans[0]?.type).toBe(
        'ID',
      );
    });
  });

  describe('allowList', () => {
    const text = 'Parkinson disease, seen by Dr Parkinson, and Annabel.';

    it('drops entities lying entirely inside an allowed term, case-insensitively', () => {
      const entities = [entity(text, 0, 9), at(text, 'Dr Parkinson')];
      expect(maskText(text, entities, { allowList: ['parkinson'] }).maskedText).toBe(
        'Parkinson disease, seen by [NAME], and Annabel.',
      );
    });

    it('matches whole words only and ignores empty terms', () => {
      const ann = entity(text, text.indexOf('Annabel'), text.indexOf('Annabel') + 3);
      expect(maskText(text, [ann], { allowList: ['Ann', '', '   '] }).maskedText).toContain('[NAME]abel');
    });
  });

  describe('denyList', () => {
    it('masks every whole-word occurrence, case-insensitively, as DENY_LIST with score 1', () => {
      const text = 'Ward Seven; WARD seven; Seventeen';
      const result = maskText(text, [], { denyList: ['ward seven'] });
      expect(result.maskedText).toBe('[REDACTED]; [REDACTED]; Seventeen');
      expect(result.spans).toEqual([
        { begin: 0, end: 10, type: 'DENY_LIST', score: 1 },
        { begin: 12, end: 22, type: 'DENY_LIST', score: 1 },
      ]);
      expect(maskText(text, [], { denyList: ['seven'], style: 'CHARACTER' }).maskedText).toBe(
        'Ward *****; WARD *****; Seventeen',
      );
    });

    it('treats regular-expression metacharacters in a term literally', () => {
      const text = 'code a.b(c)+ and axb(cc) and C++ and $1';
      expect(maskText(text, [], { denyList: ['a.b(c)+', 'c++', '$1', '[', '  '] }).maskedText).toBe(
        'code [REDACTED] and axb(cc) and [REDACTED] and [REDACTED]',
      );
    });

    it('renders deny-list spans with the replacement under TYPE_LABEL, and merges them with entities', () => {
      const text = 'Bed 7 Ann';
      expect(maskText(text, [], { denyList: ['bed 7'], replacement: '<x>' }).maskedText).toBe('<x> Ann');
      const merged = maskText(text, [entity(text, 4, 9, 'NAME', 0.8)], { denyList: ['bed 7'] });
      expect(merged.spans).toEqual([{ begin: 0, end: 9, type: 'DENY_LIST', score: 1 }]);
    });

    it('masks overlapping occurrences and wins over the allow list', () => {
      expect(maskText('a a a', [], { denyList: ['a a'], style: 'CHARACTER' }).maskedText).toBe('*****');
      expect(maskText('Ann', [], { denyList: ['ann'], allowList: ['ann'] }).maskedText).toBe('[REDACTED]');
    });
  });

  describe('invalid input', () => {
    const secret = 'Zebulon Quartermaine';
    it.each([
      ['a negative begin', -1, 3],
      ['an end past the text', 8, secret.length + 1],
      ['begin equal to end', 4, 4],
      ['begin after end', 6, 2],
      ['a fractional offset', 1.5, 4],
      ['a NaN offset', Number.NaN, 4],
    ])('rejects %s with a message that holds no text', (_, begin, end) => {
      let error: unknown;
      try {
        maskText(secret, [{ ...entity(secret, 0, 7), BeginOffset: begin, EndOffset: end }]);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      const message = (error as Error).message;
      expect(message).toMatch(/index 0/);
      for (const word of secret.split(' ')) expect(message).not.toContain(word);
    });

    it('ignores the offsets of entities that are filtered out anyway', () => {
      expect(maskText('Ann', [{ ...entity('Ann', 0, 3, 'NAME', 0.1), EndOffset: 99 }]).maskedText).toBe('Ann');
    });

    it('rejects bad scores, types and options', () => {
      expect(() => maskText(NOTE, [{ ...entity(NOTE, 0, 3), Score: Number.NaN }])).toThrow(InvalidInputError);
      expect(() => maskText(NOTE, [{ ...entity(NOTE, 0, 3), Type: 'SSN' as PhiType }])).toThrow(InvalidInputError);
      const bad: unknown[] = [
        { minScore: Number.NaN },
        { types: ['SSN'] },
        { style: 'BOLD' },
        { typeStyles: { SSN: {} } },
        { replacement: 7 },
        { denyList: 'Ann' },
        { maskCareUnits: 'yes' },
      ];
      for (const options of bad) expect(() => maskText(NOTE, [], options as MaskOptions)).toThrow(InvalidInputError);
    });
  });

  it('is idempotent in CHARACTER style: re-masking the output with the spans mapped to it changes nothing', () => {
    const text = 'Ann😀 saw cafe\u0301 Lee\r\non 2024';
    const first = maskText(text, [at(text, 'Ann'), at(text, 'cafe'), at(text, 'Lee\r\non', 'ADDRESS')], {
      style: 'CHARACTER',
    });
    expect(first.maskedText).toBe('***😀 saw ***** ***\r\n** 2024');
    const mapped = [entity(first.maskedText, 0, 3), entity(first.maskedText, 10, 15), entity(first.maskedText, 16, 23)];
    expect(maskText(first.maskedText, mapped, { style: 'CHARACTER' }).maskedText).toBe(first.maskedText);
    expect(maskText(first.maskedText, [], { style: 'CHARACTER' }).maskedText).toBe(first.maskedText);
  });

  it('masks a 1,000,000-character text with entities at non-ASCII edges', () => {
    const unit = 'Пациент Иван 👩‍⚕️ é\u0301 ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    const entities = Array.from({ length: 2000 }, (_, i) => entity(text, i * 400 + 8, i * 400 + 17));
    const result = maskText(text, entities, { style: 'CHARACTER' });
    expect(result.spans).toHaveLength(2000);
    expect([...result.maskedText].length).toBe([...text].length);
  });
});
