import { describe, expect, it } from 'vitest';
import { recognizeContacts } from '../../../../src/detect/recognizers/recognizeContacts.ts';
import { scoreOf, spans, texts } from '../../../helpers/recognizerSpans.ts';

const contacts = (text: string) => recognizeContacts(text);

describe('recognizeContacts', () => {
  describe('e-mail and web addresses', () => {
    it('finds an e-mail address whole, and never its domain as a URL of its own', () => {
      const text = 'Reply to ivo.b@example.org with the scan.';
      expect(spans(text, contacts(text))).toEqual([{ text: 'ivo.b@example.org', type: 'EMAIL', score: 0.99 }]);
    });

    it('finds URLs with a scheme or "www.", without the sentence punctuation after them', () => {
      const text = 'See https://portal.example.org/records/884. Results at www.examplehealth.com, then call.';
      const urls = spans(text, contacts(text)).filter((s) => s.type === 'URL');
      expect(urls.map((s) => s.text)).toContain('https://portal.example.org/records/884');
      expect(urls.map((s) => s.text)).toContain('www.examplehealth.com');
      expect(urls.every((s) => !/[.,]$/.test(s.text))).toBe(true);
    });

    it('scores a bare domain below one with a scheme, and takes it only under a listed top-level domain', () => {
      const text = 'Labs posted to examplehealth.org/labs and https://examplehealth.org/imaging today.';
      expect(scoreOf(text, contacts(text), 'examplehealth.org/labs')).toBeLessThan(
        scoreOf(text, contacts(text), 'https://examplehealth.org/imaging'),
      );
      expect(contacts('Pt.tolerated diet; q.6h dosing; f.u. in clinic.')).toEqual([]);
    });

    it('keeps a link whose dots a scan read as spaces whole, when a path follows on its line', () => {
      const text = 'https://chart example net/patients/MR1/chart';
      expect(texts(text, contacts(text))).toContain(text);
    });
  });

  describe('telephone numbers', () => {
    it('scores a North American number higher after a word that announces a phone', () => {
      const cued = 'Call 617-555-0143 if worse.';
      const bare = 'Seen 617-555-0143 today.';
      expect(scoreOf(cued, contacts(cued), '617-555-0143')).toBeGreaterThan(
        scoreOf(bare, contacts(bare), '617-555-0143'),
      );
      expect(scoreOf(bare, contacts(bare), '617-555-0143')).toBeGreaterThanOrEqual(0.5);
    });

    it('takes an extension with its number, and alone', () => {
      const text = 'Tel: (619) 555-9315 x1228';
      expect(texts(text, contacts(text))).toEqual(expect.arrayContaining(['(619) 555-9315 x1228', 'x1228']));
      expect(contacts(text).every((c) => c.type === 'PHONE_OR_FAX')).toBe(true);
    });

    it('finds international numbers written with a plus', () => {
      const text = 'Daughter abroad, cell +44 20 7946 0958.';
      expect(spans(text, contacts(text))).toEqual([
        { text: '+44 20 7946 0958', type: 'PHONE_OR_FAX', score: expect.any(Number) },
      ]);
    });

    it('scores a seven-digit number by what is around it: a phone cue, nothing, or a quantity that makes it a range', () => {
      const scores = ['Home phone 555-0143', 'Drained 555-0143', 'UOP goal 500-1000 cc'].map((text) => {
        const [only] = contacts(text);
        return only?.score ?? 0;
      });
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores[0]).toBeGreaterThanOrEqual(0.5);
      expect(scores[2]).toBeLessThan(0.5);
    });

    it('finds pager numbers after a pager word or a paging verb', () => {
      expect(texts('Reached via pager #4410.', contacts('Reached via pager #4410.'))).toEqual(['4410']);
      expect(texts('Resident paged at 3-4410 overnight.', contacts('Resident paged at 3-4410 overnight.'))).toEqual([
        '3-4410',
      ]);
    });
  });

  it('reports IP addresses as ID', () => {
    const text = 'Upload came from 192.168.10.24 at night.';
    expect(spans(text, contacts(text))).toEqual([{ text: '192.168.10.24', type: 'ID', score: expect.any(Number) }]);
  });

  it.each(['BP 128/84, HR 76, SpO2 97% on room air.', 'Given 2.5 mg at 14:30; INR 2.3.', 'Follow up in 2-3 weeks.'])(
    'finds no contact in %j',
    (text) => {
      expect(contacts(text)).toEqual([]);
    },
  );
});
