import { describe, expect, it } from 'vitest';
import { Rng } from '../../../bench/corpus/random.ts';
import { PHI_TYPES, type CorpusDoc } from '../../../bench/corpus/types.ts';
import {
  generateShorthandCorpus,
  generateShorthandDoc,
  SHORTHAND_STYLES,
} from '../../../bench/shorthandCorpus/generateShorthandCorpus.ts';
import { lexicons } from '../../../bench/shorthandCorpus/lexicons.ts';
import { FIRST_NAME_WORDS, LAST_NAME_WORDS } from '../../../bench/shorthandCorpus/nameWords.ts';
import { misspell } from '../../../bench/shorthandCorpus/ShorthandBuilder.ts';
import { SHORTHAND_HELD_OUT_SEED } from '../../../bench/syntheticCorpus.ts';
import { unannotated } from '../../helpers/unannotated.ts';

// Not the held-out seed the evaluation uses.
const SEED = 31337;
const COUNT = 40 * SHORTHAND_STYLES.length;
const docs = generateShorthandCorpus({ seed: SEED, count: COUNT });
const spanTexts = (type: string): string[] =>
  docs.flatMap((d) => d.spans.filter((s) => s.type === type).map((s) => d.text.slice(s.start, s.end)));

describe('generateShorthandCorpus', () => {
  it('uses a test seed that is not the held-out one', () => {
    expect(SEED).not.toBe(SHORTHAND_HELD_OUT_SEED);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateShorthandCorpus({ seed: SEED, count: 30 })).toEqual(docs.slice(0, 30));
    const other = generateShorthandCorpus({ seed: SEED + 1, count: 30 });
    expect(other.map((d) => d.text)).not.toEqual(docs.slice(0, 30).map((d) => d.text));
  });

  it('gives every style an equal share, unique ids, and only the styles asked for', () => {
    for (const style of SHORTHAND_STYLES) expect(docs.filter((d) => d.style === style)).toHaveLength(40);
    expect(SHORTHAND_STYLES).toHaveLength(6);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    expect(
      generateShorthandCorpus({ seed: 1, count: 5, styles: ['lab_report'] }).every((d) => d.style === 'lab_report'),
    ).toBe(true);
    expect(() => generateShorthandCorpus({ seed: 1, count: 1, styles: ['nope'] })).toThrow(/Unknown shorthand style/);
  });

  it('writes documents of 300 to 2500 characters', () => {
    for (const d of docs) expect(d.text.length, d.id).toBeGreaterThanOrEqual(300);
    for (const d of docs) expect(d.text.length, d.id).toBeLessThanOrEqual(2500);
  });

  it('keeps spans in bounds, trimmed, typed, sorted and non-overlapping', () => {
    for (const d of docs) {
      let previousEnd = 0;
      for (const s of d.spans) {
        expect(s.start, d.id).toBeGreaterThanOrEqual(previousEnd);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(d.text.length);
        const text = d.text.slice(s.start, s.end);
        expect(text.trim(), `${d.id} ${JSON.stringify(text)}`).toBe(text);
        expect(PHI_TYPES).toContain(s.type);
        previousEnd = s.end;
      }
    }
  });

  it('writes ICU nursing notes in ALL CAPS, all lower case and mixed case', () => {
    const nursing = docs.filter((d) => d.style === 'icu_nursing');
    const upper = nursing.filter((d) => d.text === d.text.toUpperCase()).length;
    const lower = nursing.filter((d) => d.text === d.text.toLowerCase()).length;
    const mixed = nursing.length - upper - lower;
    for (const n of [upper, lower, mixed]) expect(n).toBeGreaterThanOrEqual(nursing.length / 8);
    // Some mixed notes switch case from one line to the next: several long lines in caps, several in lower case.
    const longLines = (d: CorpusDoc, cased: (l: string) => boolean) =>
      d.text.split('\n').filter((l) => (l.match(/\p{L}/gu)?.length ?? 0) >= 20 && cased(l)).length;
    const switching = nursing.filter(
      (d) => longLines(d, (l) => l === l.toUpperCase()) >= 2 && longLines(d, (l) => l === l.toLowerCase()) >= 2,
    );
    expect(switching.length).toBeGreaterThan(0);
  });

  it('has PHI of every kind it promises', () => {
    const counts = Object.fromEntries(PHI_TYPES.map((t) => [t, spanTexts(t).length]));
    for (const t of ['NAME', 'AGE', 'DATE', 'PHONE_OR_FAX', 'EMAIL', 'ID', 'ADDRESS', 'PROFESSION'])
      expect(counts[t], t).toBeGreaterThan(10);
    const dates = spanTexts('DATE');
    expect(
      dates.some((s) => /^'\d\d$/.test(s)),
      "'09",
    ).toBe(true);
    expect(
      dates.some((s) => /^[A-Z][a-z]{2} \d\d$/.test(s)),
      'Jan 09',
    ).toBe(true);
    expect(
      dates.some((s) => /^\d{1,2}\/\d{1,2}$/.test(s)),
      '3/14',
    ).toBe(true);
    expect(
      dates.some((s) => /^(mon|tue|tues|wed|thu|thurs|fri|sat|sun)[a-z]*$/i.test(s)),
      'weekday',
    ).toBe(true);
    const phones = spanTexts('PHONE_OR_FAX');
    expect(
      phones.some((s) => /^x\d{4,5}$/.test(s)),
      'extension',
    ).toBe(true);
    const address = spanTexts('ADDRESS');
    expect(
      address.some((s) => /^[A-Z]{2,4}$/.test(s)),
      'hospital initials',
    ).toBe(true);
    expect(
      address.some((s) => /^[A-Z][a-z]+ \d{1,2}$/.test(s)),
      'ward',
    ).toBe(true);
    expect(
      address.some((s) => /^\d{1,3}$/.test(s)),
      'room number',
    ).toBe(true);
    expect(
      address.some((s) => /^(Sacred Heart|Holy Cross|Good Samaritan|Mercy General)\b/.test(s)),
      'word-made institution',
    ).toBe(true);
    const names = new Set(spanTexts('NAME'));
    expect(
      [...LAST_NAME_WORDS, ...FIRST_NAME_WORDS].filter((w) => names.has(w)).length,
      'names that are words',
    ).toBeGreaterThan(5);
    expect(
      [...names].some((s) => /^[a-z]{2}$/.test(s)),
      'lower-case initials',
    ).toBe(true);
  });

  it('never annotates a neutral-slot word', () => {
    let neutralCount = 0;
    docs.forEach((d, i) => {
      const { doc, neutral } = generateShorthandDoc(d.style, SEED, i);
      expect(doc).toEqual(d);
      neutralCount += neutral.length;
      for (const n of neutral)
        expect(
          d.spans.some((s) => s.start < n.end && n.start < s.end),
          `${d.id} ${d.text.slice(n.start, n.end)}`,
        ).toBe(false);
    });
    expect(neutralCount).toBeGreaterThan(docs.length);
  });

  it('leaves weekday and month words unannotated when they are not dates', () => {
    // Every occurrence in the text is also in the unannotated text, and there are some.
    const patterns = [
      /\bsat \d\d\b(?!\/)/gi,
      /\bO2 sat\b/gi,
      /\bmay need\b/gi,
      /\bsee MAR\b/gi,
      /\bcont to mon\b/gi,
      /\bdec (BS|u\/o)\b/gi,
    ];
    for (const re of patterns) {
      const all = docs.reduce((n, d) => n + (d.text.match(re)?.length ?? 0), 0);
      const outside = docs.reduce((n, d) => n + (unannotated(d).match(re)?.length ?? 0), 0);
      expect(all, String(re)).toBeGreaterThan(0);
      expect(outside, String(re)).toBe(all);
    }
  });
});

describe('shorthand lexicons', () => {
  const lex = lexicons();

  it('ships the sampled Philter words and names', () => {
    expect(lex.neutralWords).toHaveLength(3000);
    expect(lex.firstNames).toHaveLength(1500);
    expect(lex.lastNames).toHaveLength(2000);
    expect(lex.neutralWords.every((w) => /^[a-z]{3,}$/.test(w))).toBe(true);
  });

  it('keeps names and name-words out of the neutral words', () => {
    const neutral = new Set(lex.neutralWords);
    const names = [...lex.firstNames, ...lex.lastNames, ...FIRST_NAME_WORDS, ...LAST_NAME_WORDS].map((n) =>
      n.toLowerCase(),
    );
    expect(names.filter((n) => neutral.has(n))).toEqual([]);
  });
});

describe('misspell', () => {
  it('drops, doubles or swaps one inner letter', () => {
    const rng = new Rng(3);
    for (let k = 0; k < 50; k++) {
      const typo = misspell(rng, 'propofol');
      expect(typo).not.toBe('');
      expect(Math.abs(typo.length - 8)).toBeLessThanOrEqual(1);
      expect(typo.charAt(0)).toBe('p');
    }
  });
});
