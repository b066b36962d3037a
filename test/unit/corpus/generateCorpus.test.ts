import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCorpus, NOTE_STYLES, type CorpusDoc } from '../../../bench/corpus/generateCorpus.ts';
import { NoteBuilder, phi } from '../../../bench/corpus/NoteBuilder.ts';
import { Rng } from '../../../bench/corpus/random.ts';
import { PHI_TYPES } from '../../../bench/corpus/types.ts';
import { unannotated } from '../../helpers/unannotated.ts';

const docs = generateCorpus({ seed: 20261128, count: 30 * NOTE_STYLES.length });

describe('generateCorpus', () => {
  it('has at least 12 styles', () => {
    expect(NOTE_STYLES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(NOTE_STYLES).size).toBe(NOTE_STYLES.length);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateCorpus({ seed: 7, count: 40 });
    const b = generateCorpus({ seed: 7, count: 40 });
    const c = generateCorpus({ seed: 8, count: 40 });
    expect(b).toEqual(a);
    expect(c.map((d) => d.text)).not.toEqual(a.map((d) => d.text));
  });

  it('produces docs for every style, and only the requested styles', () => {
    const seen = new Set(docs.map((d) => d.style));
    for (const style of NOTE_STYLES) expect(seen.has(style), style).toBe(true);
    for (const style of NOTE_STYLES) {
      const only = generateCorpus({ seed: 3, count: 4, styles: [style] });
      expect(only).toHaveLength(4);
      expect(only.every((d) => d.style === style && d.text.length > 0)).toBe(true);
    }
    expect(() => generateCorpus({ seed: 1, count: 1, styles: ['no_such_style'] })).toThrow(/Unknown note style/);
  });

  it('gives unique ids', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('keeps every span in bounds, trimmed, typed, sorted and non-overlapping', () => {
    for (const doc of docs) {
      let previousEnd = 0;
      for (const span of doc.spans) {
        expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
        expect(span.start).toBeGreaterThanOrEqual(previousEnd);
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.end).toBeLessThanOrEqual(doc.text.length);
        const text = doc.text.slice(span.start, span.end);
        expect(text.trim(), `${doc.id} ${JSON.stringify(text)}`).toBe(text);
        expect(PHI_TYPES).toContain(span.type);
        previousEnd = span.end;
      }
    }
  });

  it('covers all nine PHI types and includes docs with no PHI', () => {
    const types = new Set(docs.flatMap((d) => d.spans.map((s) => s.type)));
    expect([...types].sort()).toEqual([...PHI_TYPES].sort());
    expect(docs.some((d) => d.spans.length === 0)).toBe(true);
    expect(docs.filter((d) => d.spans.length > 0).length).toBeGreaterThan(docs.length * 0.8);
  });

  it('has ALL CAPS and all lower case nursing notes whose spans still match the text', () => {
    const nursing = docs.filter((d) => d.style.startsWith('icu_nursing') && /[a-z]/iu.test(d.text));
    const upper = nursing.filter((d) => d.text === d.text.toUpperCase());
    const lower = nursing.filter((d) => d.text === d.text.toLowerCase());
    expect(upper.length).toBeGreaterThan(0);
    expect(lower.length).toBeGreaterThan(0);
    for (const doc of [...upper, ...lower]) {
      for (const s of doc.spans) {
        const text = doc.text.slice(s.start, s.end);
        expect(text.length).toBeGreaterThan(0);
        expect(text.trim()).toBe(text);
      }
    }
    expect(upper.some((d) => d.spans.some((s) => s.type === 'NAME' || s.type === 'DATE'))).toBe(true);
  });

  it('falls back to the original text when a case transform would change its length', () => {
    const b = new NoteBuilder(new Rng(1));
    b.add('Patient ', phi('NAME', 'Hans Strauß'), ' seen on ', phi('DATE', '3/14'), '.');
    const doc = b.build('x', 'test', 'upper');
    expect(doc.text).toBe('Patient Hans Strauß seen on 3/14.');
    expect(doc.spans.map((s) => doc.text.slice(s.start, s.end))).toEqual(['Hans Strauß', '3/14']);
    const ok = new NoteBuilder(new Rng(1)).t`wife ${phi('NAME', 'Mary')} called`.build('y', 'test', 'upper');
    expect(ok.text).toBe('WIFE MARY CALLED');
    expect(ok.text.slice(ok.spans[0]?.start, ok.spans[0]?.end)).toBe('MARY');
  });

  it('rejects PHI pieces with surrounding whitespace', () => {
    expect(() => new NoteBuilder(new Rng(1)).add(phi('NAME', ' Mary'))).toThrow();
  });

  it('leaves distractors unannotated: BP values, times, scores, eponyms', () => {
    const outside = docs.map(unannotated).join('\n');
    expect(outside).toMatch(/\bBP:? ?\d{2,3}\/\d{2,3}\b/u);
    expect(outside).toMatch(/\b([01]\d|2[0-3]):[0-5]\d\b/u);
    expect(outside).toMatch(/\b\d{1,2}\/10\b/u);
    expect(outside).toMatch(/\b[1-4]\/6\b/u);
    expect(outside).toMatch(/Parkinson's|Hodgkin|Crohn's|Babinski|Foley|Glasgow|GCS/u);
    expect(outside).toMatch(/\bICD-10|\bLOINC\b|\bCPT\b/u);
    expect(outside).toMatch(/\bx\d+ days\b/u);
    // No gold span is a bare time or a blood pressure.
    for (const doc of docs) {
      for (const s of doc.spans) {
        const text = doc.text.slice(s.start, s.end);
        expect(/^([01]\d|2[0-3]):[0-5]\d$/u.test(text) && s.type === 'DATE', text).toBe(false);
      }
    }
  });

  it('excludes titles and labels from spans', () => {
    for (const doc of docs) {
      for (const s of doc.spans) {
        const text = doc.text.slice(s.start, s.end);
        if (s.type === 'NAME') expect(text, doc.id).not.toMatch(/^(Dr|Mr|Mrs|Ms|Prof)\.? /iu);
        if (s.type === 'ID') expect(text, doc.id).not.toMatch(/^(MRN|SSN|NPI|DEA)\b/iu);
      }
    }
  });
});

describe('test/fixtures/synthetic-clinical.jsonl', () => {
  const lines = readFileSync(new URL('../../fixtures/synthetic-clinical.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n');

  it('is the committed output of seed 20261128', () => {
    const fixture = lines.map((line) => JSON.parse(line) as CorpusDoc);
    expect(fixture.length).toBeGreaterThanOrEqual(300);
    expect(fixture).toEqual(generateCorpus({ seed: 20261128, count: fixture.length }));
  });
});
