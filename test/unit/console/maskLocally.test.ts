import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidMaskCharacterError,
  maskLocally,
  type LocalMaskOptions,
  type TextFinding,
} from '../../../console/src/maskLocally.ts';
import { maskText, type MaskOptions } from '../../../src/core/maskText.ts';
import { PHI_TYPES, type PhiEntity, type PhiType } from '../../../src/core/PhiEntity.ts';

// The console re-masks a note in the page from the findings its job recorded. Whatever the threshold,
// types and style, the page must show what the server's maskText would give for the same findings.

function finding(beginOffset: number, endOffset: number, type: PhiType, score: number): TextFinding {
  return { type, score, beginOffset, endOffset };
}

/** The same findings in DetectPHI's shape, for src/core/maskText.ts. */
function asEntities(findings: readonly TextFinding[]): PhiEntity[] {
  return findings.map((f, index) => ({
    Id: index,
    BeginOffset: f.beginOffset as number,
    EndOffset: f.endOffset as number,
    Score: f.score,
    Type: f.type,
    Text: '',
    Category: 'PROTECTED_HEALTH_INFORMATION',
    Traits: [],
  }));
}

function serverOptions(options: LocalMaskOptions): MaskOptions {
  return {
    minScore: options.minScore,
    types: [...options.types],
    style: options.style,
    ...(options.maskCharacter === undefined ? {} : { character: options.maskCharacter }),
    ...(options.replacement === undefined ? {} : { replacement: options.replacement }),
  };
}

function expectSameAsServer(text: string, findings: readonly TextFinding[], options: LocalMaskOptions): string {
  const local = maskLocally(text, findings, options);
  const server = maskText(text, asEntities(findings), serverOptions(options));
  expect(local.maskedText).toBe(server.maskedText);
  expect(local.segments.filter((s) => s.span).map((s) => s.span)).toEqual(server.spans);
  return local.maskedText;
}

const ALL = new Set<PhiType>(PHI_TYPES);
const NOTE = 'Pt Marla Quenby, 67 y/o, seen 03/14/2023 by Dr. Ohanian.\nCall 617-555-0143.';
const NOTE_FINDINGS = [
  finding(3, 15, 'NAME', 0.93),
  finding(17, 19, 'AGE', 0.62),
  finding(30, 40, 'DATE', 0.95),
  finding(48, 55, 'NAME', 0.41),
  finding(62, 74, 'PHONE_OR_FAX', 0.97),
];

describe('maskLocally', () => {
  it('masks like the server with type labels, and lists the findings it shows', () => {
    const options: LocalMaskOptions = { minScore: 0.5, types: ALL, style: 'TYPE_LABEL' };
    expect(expectSameAsServer(NOTE, NOTE_FINDINGS, options)).toBe(
      'Pt [NAME], [AGE] y/o, seen [DATE] by Dr. Ohanian.\nCall [PHONE_OR_FAX].',
    );
    expect(maskLocally(NOTE, NOTE_FINDINGS, options).shown.map((f) => f.type)).toEqual([
      'NAME',
      'AGE',
      'DATE',
      'PHONE_OR_FAX',
    ]);
  });

  it('applies the threshold and the type filters', () => {
    const options: LocalMaskOptions = {
      minScore: 0.9,
      types: new Set<PhiType>(['NAME', 'PHONE_OR_FAX']),
      style: 'TYPE_LABEL',
    };
    expect(expectSameAsServer(NOTE, NOTE_FINDINGS, options)).toBe(
      'Pt [NAME], 67 y/o, seen 03/14/2023 by Dr. Ohanian.\nCall [PHONE_OR_FAX].',
    );
    expect(maskLocally(NOTE, NOTE_FINDINGS, options).shown).toHaveLength(2);
    expect(expectSameAsServer(NOTE, NOTE_FINDINGS, { minScore: 0, types: new Set(), style: 'TYPE_LABEL' })).toBe(NOTE);
  });

  it('repeats the mask character per code point and keeps line breaks', () => {
    const text = 'Name: Zoë 👩‍⚕️ Ann\nLee, seen today';
    const findings = [finding(6, 22, 'NAME', 0.9)];
    const masked = expectSameAsServer(text, findings, {
      minScore: 0,
      types: ALL,
      style: 'CHARACTER',
      maskCharacter: '#',
    });
    expect(masked.split('\n')).toHaveLength(2);
    expect(masked).not.toContain('Ann');
  });

  it('writes the fixed replacement once per merged span', () => {
    const options: LocalMaskOptions = { minScore: 0, types: ALL, style: 'FIXED', replacement: '***' };
    expect(expectSameAsServer(NOTE, NOTE_FINDINGS, options)).toBe('Pt ***, *** y/o, seen *** by Dr. ***.\nCall ***.');
  });

  it('merges overlapping and touching findings under the type of the highest score, as the server does', () => {
    const text = 'Dr Ann Lee Smith MD';
    const findings = [
      finding(3, 10, 'NAME', 0.7),
      finding(7, 16, 'PROFESSION', 0.9),
      finding(16, 19, 'PROFESSION', 0.2),
    ];
    expect(expectSameAsServer(text, findings, { minScore: 0, types: ALL, style: 'TYPE_LABEL' })).toBe(
      'Dr [PROFESSION]',
    );
    expect(expectSameAsServer(text, findings, { minScore: 0.5, types: ALL, style: 'TYPE_LABEL' })).toBe(
      'Dr [PROFESSION] MD',
    );
  });

  it('widens offsets that split a grapheme cluster, as the server does', () => {
    const text = 'Zoe\u0301 and 👍🏽 ok';
    expectSameAsServer(text, [finding(0, 3, 'NAME', 0.9), finding(9, 11, 'NAME', 0.9)], {
      minScore: 0,
      types: ALL,
      style: 'CHARACTER',
    });
  });

  it('leaves out findings without usable offsets (image findings, or offsets past the text)', () => {
    const findings: TextFinding[] = [
      { type: 'NAME', score: 1, beginOffset: null, endOffset: null },
      finding(5, 99, 'NAME', 1),
      finding(4, 4, 'DATE', 1),
      finding(0, 2, 'ID', 1),
    ];
    const result = maskLocally('ab cd ef', findings, { minScore: 0, types: ALL, style: 'TYPE_LABEL' });
    expect(result.maskedText).toBe('[ID] cd ef');
    expect(result.shown).toHaveLength(1);
  });

  it('refuses a mask character that is not one code point', () => {
    for (const maskCharacter of ['', '**', '\n']) {
      expect(() =>
        maskLocally(NOTE, NOTE_FINDINGS, { minScore: 0, types: ALL, style: 'CHARACTER', maskCharacter }),
      ).toThrow(InvalidMaskCharacterError);
    }
    expect(
      maskLocally(NOTE, NOTE_FINDINGS, { minScore: 0, types: ALL, style: 'CHARACTER', maskCharacter: '😀' }).maskedText,
    ).toContain('😀');
  });

  it('agrees with the server on random notes, findings and options', () => {
    const pieces = ['a', 'Z', ' ', '.', '\n', '\r\n', 'é', 'e\u0301', '😀', '👩‍⚕️', '🇺🇸', 'क्ष', '\u0600', 'Ж'];
    const caseArb = fc
      .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 })
      .map((p) => p.join(''))
      .chain((text) =>
        fc.record({
          text: fc.constant(text),
          findings: fc.array(
            fc
              .tuple(
                fc.nat(text.length - 1),
                fc.integer({ min: 1, max: 12 }),
                fc.constantFrom(...PHI_TYPES),
                fc.double({ min: 0, max: 1, noNaN: true }),
              )
              .map(([begin, size, type, score]) => finding(begin, Math.min(text.length, begin + size), type, score)),
            { maxLength: 8 },
          ),
          options: fc.record({
            minScore: fc.double({ min: 0, max: 1, noNaN: true }),
            types: fc.subarray([...PHI_TYPES]).map((types) => new Set<PhiType>(types)),
            style: fc.constantFrom('TYPE_LABEL' as const, 'CHARACTER' as const, 'FIXED' as const),
            maskCharacter: fc.constantFrom('*', '#', '█'),
            replacement: fc.constantFrom('[REDACTED]', '', 'x'),
          }),
        }),
      );
    fc.assert(
      fc.property(caseArb, ({ text, findings, options }) => void expectSameAsServer(text, findings, options)),
      { numRuns: 300 },
    );
  });
});
