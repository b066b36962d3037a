import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../../src/detect/Candidate.ts';
import { loadLexicon } from '../../../../src/detect/Lexicon.ts';
import {
  type AddressLexicon,
  extendWithZip,
  recognizeAddresses,
} from '../../../../src/detect/recognizers/recognizeAddresses.ts';
import { prepare, scoreOf, spans, texts } from '../../../helpers/recognizerSpans.ts';

// The word-list questions the recognizer asks, answered from the shipped lists as LocalPhiDetector does.
const words = loadLexicon();
const lexicon: AddressLexicon = {
  isCommonWord: (w) => words.commonWords.has(w),
  isSafeWord: (w) => words.safeWords.has(w),
  isClinicalWord: (w) => words.clinicalWords.has(w),
  isPersonName: (w) => words.personNames.has(w) || words.firstNames.has(w) || words.nameWords.has(w),
  isCity: (n) => words.cities.has(n),
};

const addresses = (text: string) => recognizeAddresses(text, prepare(text).tokens, lexicon);

describe('recognizeAddresses', () => {
  it('finds a street address, and the city, state and ZIP after it, as ADDRESS', () => {
    const text = 'Lives at 42 Alder Lane, Springfield, MA 01103.';
    expect(texts(text, addresses(text))).toEqual(expect.arrayContaining(['42 Alder Lane', 'Springfield, MA 01103']));
    expect(addresses(text).every((c) => c.type === 'ADDRESS')).toBe(true);
  });

  it('finds post boxes, apartments, rooms, ZIP codes after a label, and UK postcodes', () => {
    const text = 'Mailing: PO Box 7781, Apt 4B. Now in room 412. Zip code 02139. Sister in London E2 7SK.';
    expect(texts(text, addresses(text))).toEqual(
      expect.arrayContaining(['PO Box 7781', 'Apt 4B', '412', '02139', 'London E2 7SK']),
    );
  });

  it('scores a full street above a street named without a number, and a ward by number alone lowest', () => {
    const numbered = 'Lives with her son at 42 Alder Lane.';
    const unnumbered = 'Refill sent to the pharmacy on Alder Lane.';
    const ward = 'On 4 North since Tuesday.';
    const scores = [
      scoreOf(numbered, addresses(numbered), '42 Alder Lane'),
      scoreOf(unnumbered, addresses(unnumbered), 'Alder Lane'),
      scoreOf(ward, addresses(ward), '4 North'),
    ];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s >= 0.5)).toBe(true);
  });

  it('finds named facilities, employers, pharmacies and wards named after people', () => {
    const text =
      'Seen at Mercy General Hospital. Works at Halvorsen Logistics. Refill at CVS. Admitted to Bigelow 11 overnight.';
    expect(texts(text, addresses(text))).toEqual(
      expect.arrayContaining(['Mercy General Hospital', 'Halvorsen Logistics', 'CVS', 'Bigelow 11']),
    );
  });

  it("takes a bare two-letter state after a comma only after a known city: a doctor's degree is no state", () => {
    const text = 'Dr. Lindqvist, MD called; Salem, OR is home.';
    expect(texts(text, addresses(text))).toEqual(['Salem, OR']);
  });

  it('takes a street whose words and city a scan split into cells, and a house number joined to its direction', () => {
    const text = '23272 | Ocean | Ave, | Karisas | City, | MO 98505';
    expect(texts(text, addresses(text))).toContain('23272 | Ocean | Ave');
    const joined = '86S. School Street Apt. 4, Cambridge, MA 06610';
    expect(texts(joined, addresses(joined))).toContain('86S. School Street Apt. 4');
    const speck = "78'S. Meadow Court, Lynn. MA 92717-9392";
    expect(texts(speck, addresses(speck))).toContain("78'S. Meadow Court");
  });

  it('takes a state code read in mixed case after a city, with its ZIP, and no such pair elsewhere', () => {
    const text = '9 Hill Street, Honolulu, | Hi 16588';
    expect(texts(text, addresses(text))).toContain('Hi 16588');
    expect(texts('Hi 16588 steps today', addresses('Hi 16588 steps today'))).toEqual([]);
  });

  it('takes streets with accented letters, and a state and ZIP a scan joined with a period', () => {
    const prose = 'Lives at 14 Peñalosa Ave with son';
    expect(texts(prose, addresses(prose))).toEqual(['14 Peñalosa Ave']);
    const scan = '26352 Harbor Stréet, Jackson, MS 7733¢';
    expect(texts(scan, addresses(scan))[0]).toMatch(/^26352 Harbor Stréet/);
    expect(texts('6 S. Ninth Pl, | PA.13604', addresses('6 S. Ninth Pl, | PA.13604'))).toContain('PA.13604');
  });

  it('takes a post box with the space read as a hyphen', () => {
    const text = 'Mailing: PO-Box 6523';
    expect(spans(text, addresses(text))).toEqual([{ text: 'PO-Box 6523', type: 'ADDRESS', score: 0.95 }]);
  });

  it('takes the words between a street and a state with its ZIP as the city, when the scan lost the commas', () => {
    const text = '243A Summit Street Independence MO-82551';
    expect(spans(text, addresses(text))).toContainEqual({ text: 'Independence', type: 'ADDRESS', score: 0.85 });
    expect(texts(text, addresses(text))).toEqual(['243A Summit Street', 'Independence', 'MO-82551']);
    // A doctor's name after the title "Dr." (a street suffix too) with no state and ZIP after it is no city.
    expect(addresses('Referred by Dr. Tarek Salem MRN 82551')).toEqual([]);
    // Nor with a state and ZIP after it: "Dr." with no house number before it is a title.
    expect(texts('Seen by Dr. Tarek Salem MO 82551', addresses('Seen by Dr. Tarek Salem MO 82551'))).toEqual([
      'MO 82551',
    ]);
  });

  it.each([
    'Given 5 mg PO daily; 3 sec pt refused.',
    'Cont rehab plan; pulm rehab referral; acute rehab.',
    'Renal clinic follow up in 2 weeks; seen in pain clinic.',
    'BP 128/84, HR 76, 2 L NC.',
  ])('finds no address in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('extendWithZip', () => {
  const place = (start: number, end: number, score = 0.75): Candidate => ({ start, end, type: 'ADDRESS', score });

  it('stretches a likely place over a ZIP code right after it, with the state code a scan misread', () => {
    const text = 'Moved from Salem 01970 last year; Spokane, VIA 76282 before.';
    const salem = place(text.indexOf('Salem'), text.indexOf('Salem') + 5);
    const spokane = place(text.indexOf('Spokane'), text.indexOf('Spokane') + 7);
    extendWithZip(text, [salem, spokane]);
    expect(text.slice(salem.start, salem.end)).toBe('Salem 01970');
    expect(text.slice(spokane.start, spokane.end)).toBe('Spokane, VIA 76282');
  });

  it('leaves unlikely places and other types alone', () => {
    const text = 'Salem 01970';
    const weak = place(0, 5, 0.4);
    const name: Candidate = { start: 0, end: 5, type: 'NAME', score: 0.9 };
    extendWithZip(text, [weak, name]);
    expect([weak.end, name.end]).toEqual([5, 5]);
  });
});
